package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Zooms each image of a training batch in or out about its centre, as Keras' RandomZoom: the height
 * by a factor drawn uniformly from [1 - height, 1 + height] of it (above 1 zooms out, showing more;
 * below 1 zooms in), the width likewise, or by the height's factor when {@code width} is not given,
 * keeping the aspect ratio; drawn from the network's seeded training generator. The pixels zoomed in
 * from outside the image are read as {@code fill} says. Passes its input through unchanged in evaluate
 * and predict. Takes (height, width, channels). Shape rule: {@link RandomZoomSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RandomZoom {
    /** The largest vertical zoom as a fraction of the height, in [0, 1]: 0.2 zooms between 80% and 120%. */
    double height();

    /**
     * The largest horizontal zoom, in [0, 1]; when not given (Keras' {@code width_factor=None}), each
     * image's width is zoomed by its height's factor.
     */
    double width() default Double.NaN;

    /** What the pixels zoomed in from outside the image hold; Keras' default, a reflection of the image. */
    FillMode fill() default FillMode.REFLECT;

    /** How a point between pixels is read; Keras' default, bilinear. */
    Interpolation interpolation() default Interpolation.BILINEAR;

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
