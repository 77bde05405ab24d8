package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Outputs {@code x * scale + offset}, as Keras' Rescaling: in fit, evaluate and predict alike
 * ({@code @Rescaling(scale = 1.0 / 255)} turns pixel values into [0, 1]). No parameters. Shape rule:
 * {@link RescalingSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Rescaling {
    /** The factor each value is multiplied by: 1.0 / 255. */
    double scale();

    /** Added after scaling: -1 with scale = 1.0 / 127.5 gives [-1, 1]. */
    double offset() default 0;

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
