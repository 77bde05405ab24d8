package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keras' {@code layers.Normalization()}: standardizes each feature (the last axis) of the model's
 * input, {@code (x - mean) / max(sqrt(variance), 1e-7)}, with the mean and variance of the training
 * data. They are not trained: {@code fit} measures them on its training samples (after any validation
 * split, so validation data never leaks into them) the first time it runs, or {@code adapt(data)}
 * does it beforehand, as Keras' {@code adapt}. They are saved with the weights, so a loaded network's
 * {@code predict} takes raw rows. It takes the model's input: put it first.
 * Shape rule: {@link NormalizationSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Normalization {
    /** The field whose output it takes, if not the one before it: only {@link Model#INPUT} is allowed. */
    String from() default "";
}
