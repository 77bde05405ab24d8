package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Flips each image of a training batch with probability 1/2 along each axis of {@code mode},
 * drawn from the network's seeded training generator, as Keras' RandomFlip; passes its input
 * through unchanged in evaluate and predict. Takes (height, width, channels). Shape rule:
 * {@link RandomFlipSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RandomFlip {
    /** The axes flipped; Keras' default, both. */
    FlipMode mode() default FlipMode.HORIZONTAL_AND_VERTICAL;

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
