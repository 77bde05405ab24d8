package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Several layers' outputs joined along one axis, Keras' {@code layers.Concatenate(axis)}: two
 * (14, 14, 32) feature maps concatenated on the channels are (14, 14, 64). The outputs must agree on
 * every other axis. No parameters. Shape rule: {@link ConcatenateSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Concatenate {
    /** The fields whose outputs it joins, in order, at least two, each declared before it; {@link Model#INPUT} for the model's input. */
    String[] value();

    /**
     * The axis to join along, counted as Keras counts it: -1 is the last (the channels of a feature
     * map), 1 the first after the batch; 0, the batch, is not allowed.
     */
    int axis() default -1;
}
