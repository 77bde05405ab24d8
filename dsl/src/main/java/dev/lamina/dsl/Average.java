package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The element-wise mean of several layers' outputs, Keras' {@code layers.Average()}: two branches'
 * predictions averaged are {@code @Average({"left", "right"})}. The outputs must have one shape, which
 * is also the mean's. No parameters. Shape rule: {@link AverageSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Average {
    /** The fields whose outputs it averages, at least two, each declared before it; {@link Model#INPUT} for the model's input. */
    String[] value();
}
