package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The mean of each channel over a channels-last image's height and width, as Keras'
 * {@code layers.GlobalAveragePooling2D()}: (height, width, channels) becomes (channels), no parameters.
 * It goes where a model still has images, after a convolution or a pooling layer, and its output is
 * flat: a {@link Dense} may follow it without a {@link Flatten}. Shape rule: {@link GlobalPool2DSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GlobalAveragePooling2D {
    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
