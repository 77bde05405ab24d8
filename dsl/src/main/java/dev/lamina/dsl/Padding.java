package dev.lamina.dsl;

/** How a window (a convolution kernel, a pooling window) treats the edges of its input, as Keras. */
public enum Padding {
    /** No padding: the window stays inside the input, so the output shrinks. */
    VALID,
    /** Zero padding, split evenly (the extra one after) so that output = ceil(input / stride). */
    SAME
}
