package dev.lamina.dsl;

/** Activation functions, with Keras' names and constants. */
public enum Activation {
    /** The identity: the layer outputs logits or plain linear values. */
    LINEAR,
    RELU,
    SIGMOID,
    TANH,
    /** Softmax over the features of each sample, for the last layer of a classifier. */
    SOFTMAX,
    /** {@code x} for positive {@code x}, else {@link #LEAKY_RELU_SLOPE}{@code  · x} (Keras' 'leaky_relu'). */
    LEAKY_RELU,
    /** {@code x} for positive {@code x}, else {@link #ELU_ALPHA}{@code  · (exp(x) - 1)}. */
    ELU;

    /** The negative slope of Keras' {@code activation='leaky_relu'}. */
    public static final double LEAKY_RELU_SLOPE = 0.2;
    /** Keras' default alpha of ELU. */
    public static final double ELU_ALPHA = 1.0;
}
