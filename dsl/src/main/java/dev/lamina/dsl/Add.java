package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The element-wise sum of several layers' outputs, Keras' {@code layers.Add()}: a residual
 * connection is {@code @Add({"conv2", "block1"})}. The outputs must have one shape, which is also the
 * sum's. No parameters. Shape rule: {@link AddSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Add {
    /** The fields whose outputs it sums, at least two, each declared before it; {@link Model#INPUT} for the model's input. */
    String[] value();
}
