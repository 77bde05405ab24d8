package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rotates each image of a training batch about its centre by an angle drawn uniformly from
 * [-factor, factor] of a full turn (positive is counter-clockwise), drawn from the network's seeded
 * training generator, as Keras' RandomRotation; the pixels rotated in are read as {@code fill} says.
 * Passes its input through unchanged in evaluate and predict. Takes (height, width, channels). Shape
 * rule: {@link RandomRotationSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RandomRotation {
    /** The largest angle as a fraction of a full turn, in [0, 1]: 0.1 rotates by up to 36 degrees either way. */
    double value();

    /** What the pixels rotated in from outside the image hold; Keras' default, a reflection of the image. */
    FillMode fill() default FillMode.REFLECT;

    /** How a point between pixels is read; Keras' default, bilinear. */
    Interpolation interpolation() default Interpolation.BILINEAR;

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
