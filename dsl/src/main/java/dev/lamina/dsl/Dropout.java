package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets a random fraction {@code rate} of its inputs to zero while training and scales the rest by
 * 1 / (1 - rate), as Keras' Dropout; passes its input through unchanged in evaluate and predict.
 * Shape rule: {@link DropoutSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dropout {
    /** The fraction of inputs dropped, in [0, 1). */
    double value();

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
