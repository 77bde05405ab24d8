package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives each sample a new shape with the same number of elements, in row-major order:
 * {@code @Reshape({28, 28, 1})} turns (28, 28) images into one-channel images. The batch dimension
 * is not written. Shape rule: {@link ReshapeSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Reshape {
    /** The new sample shape, every dimension positive. */
    int[] value();

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
