package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 2D convolution over channels-last images, as Keras' Conv2D: input (height, width, channels),
 * output (height', width', filters); kernel (kernel height, kernel width, channels, filters).
 * Shape rule: {@link Conv2DSpec}.
 */
@Documented
@LayerAnnotation
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Conv2D {
    /** The number of output channels; positive. */
    int filters();

    /** The window's height and width, or one number for a square window: {@code {3, 3}} or {@code {3}}. */
    int[] kernel();

    /** The step between windows, vertically and horizontally, or one number for both. */
    int[] strides() default {1, 1};

    Padding padding() default Padding.VALID;

    Activation activation() default Activation.LINEAR;

    boolean useBias() default true;

    /**
     * The factor of an L2 penalty on the kernel, as Keras' {@code kernel_regularizer=regularizers.L2(l2)}:
     * {@code kernelL2 · Σ kernel²} is added to the loss that {@code fit} minimises and that it and
     * {@code evaluate} report. At least 0; 0, the default, for none. The bias is not regularized.
     */
    double kernelL2() default 0;

    /** The field whose output it takes, if not the one before it; {@link Model#INPUT} for the model's input. */
    String from() default "";
}
