package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The average of each window of a channels-last image, per channel, as Keras' AveragePooling2D; with SAME padding the average is over the window's cells inside the image.
 * Shape rule: {@link Pool2DSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface AveragePool2D {
    /** The window's height and width, or one number for a square window. */
    int[] value() default {2, 2};

    /** The step between windows; empty (the default) means the window's size, as in Keras. */
    int[] strides() default {};

    Padding padding() default Padding.VALID;

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
