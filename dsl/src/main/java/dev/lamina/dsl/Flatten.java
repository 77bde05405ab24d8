package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Flattens each sample to one dimension: (28, 28) becomes (784). Shape rule: {@link FlattenSpec}. */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Flatten {
    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
