package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shifts each image of a training batch by a whole number of pixels drawn uniformly from
 * [-height, height] of its height and [-width, width] of its width (rounded to the nearest pixel),
 * drawn from the network's seeded training generator, as Keras' RandomTranslation; the pixels
 * shifted in are filled by {@code fill}. Passes its input through unchanged in evaluate and predict.
 * Takes (height, width, channels). Shape rule: {@link RandomTranslationSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RandomTranslation {
    /** The largest vertical shift, as a fraction of the height, in [0, 1]: 0.1 shifts by up to 10%. */
    double height();

    /** The largest horizontal shift, as a fraction of the width, in [0, 1]. */
    double width();

    /** What the pixels shifted in hold; Keras' default, a reflection of the image. */
    FillMode fill() default FillMode.REFLECT;

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
