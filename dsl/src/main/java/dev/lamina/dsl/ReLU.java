package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rectified linear unit as a layer of its own, Keras' {@code layers.ReLU()}: {@code max(x, 0)}
 * element by element, any shape, no parameters. Shape rule: {@link ReLUSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ReLU {
    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
