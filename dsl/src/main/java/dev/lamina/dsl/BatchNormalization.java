package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras' {@code layers.BatchNormalization()}, with its defaults and formulas: each channel (the last
 * axis) is normalized, {@code gamma * (x - mean) / sqrt(variance + epsilon) + beta}. While training,
 * mean and variance are the batch's, over every axis but the last; in evaluate and predict they are
 * the moving statistics, which every training step moves towards the batch's:
 * {@code moving = moving * momentum + batch * (1 - momentum)}. Any input shape; the output has the
 * same. Shape rule: {@link BatchNormalizationSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BatchNormalization {
    /**
     * The axis normalized, counted as Keras counts it (0 is the batch): only the last one, the
     * channels, is supported, as -1 or its positive index.
     */
    int axis() default -1;

    /** The weight of the past in each update of the moving statistics, in [0, 1). */
    double momentum() default 0.99;

    /** Added to the variance so that it is never divided by zero; positive. */
    double epsilon() default 1e-3;

    /** Whether a trained offset {@code beta} is added. */
    boolean center() default true;

    /** Whether a trained scale {@code gamma} multiplies. */
    boolean scale() default true;

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
