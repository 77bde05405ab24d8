package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer: {@code activation(input · kernel + bias)}. Its input must be flat,
 * {@code (features)}; its output is {@code (units)}. Shape rule: {@link DenseSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dense {
    /** The number of output features; positive. */
    int units();

    Activation activation() default Activation.LINEAR;

    boolean useBias() default true;

    /**
     * The factor of an L2 penalty on the kernel, as Keras' {@code kernel_regularizer=regularizers.L2(l2)}:
     * {@code kernelL2 · Σ kernel²} is added to the loss that {@code fit} minimises and that it and
     * {@code evaluate} report. At least 0; 0, the default, for none. The bias is not regularized.
     */
    double kernelL2() default 0;

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
