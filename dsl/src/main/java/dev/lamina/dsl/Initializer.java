package dev.lamina.dsl;

/** How a parameter's values start, with Keras' names and formulas. */
public enum Initializer {
    /**
     * U(-limit, limit) with limit = sqrt(6 / (fanIn + fanOut)), Keras' default for kernels; the fans
     * come from the shape as Keras takes them: (in, out), times the window's size for a convolution.
     */
    GLOROT_UNIFORM,
    /** All zeros: Keras' default for biases, and for a moving mean. */
    ZEROS,
    /** All ones: for a scale, and for a moving variance. */
    ONES
}
