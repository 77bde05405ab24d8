package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The element-wise product of several layers' outputs, Keras' {@code layers.Multiply()}: a gate is
 * {@code @Multiply({"features", "gate"})}. The outputs must have one shape, which is also the
 * product's. No parameters. Shape rule: {@link MultiplySpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Multiply {
    /** The fields whose outputs it multiplies, at least two, each declared before it; {@link Model#INPUT} for the model's input. */
    String[] value();
}
