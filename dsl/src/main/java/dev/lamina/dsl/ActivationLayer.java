package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An activation as a layer of its own, Keras' {@code layers.Activation("tanh")}:
 * {@code @ActivationLayer(Activation.TANH)}. Named so because {@link Activation} is already the enum
 * it takes, and a Keras user typing "Activation" finds the two side by side.
 *
 * <p>Any shape, no parameters; softmax runs over the last axis, as in Keras. As the last layer,
 * {@code @ActivationLayer(Activation.SOFTMAX)} gives the loss probabilities as
 * {@code @Dense(activation = Activation.SOFTMAX)} does, and its gradient is the loss's fused one.
 * {@code @ReLU} is {@code @ActivationLayer(Activation.RELU)} by Keras' other name. Shape rule:
 * {@link ActivationLayerSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ActivationLayer {
    /** The activation applied to every value (softmax: to each sample's last axis). */
    Activation value();

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
