package dev.lamina.dsl;

/**
 * Losses, with Keras' names and formulas; each belongs to one {@link Task}. The crossentropies take
 * the model's output as probabilities unless {@link Model#fromLogits()} says it is logits.
 */
public enum Loss {
    /** Crossentropy against one-hot labels of shape (classes): one class per sample. */
    CATEGORICAL_CROSSENTROPY("categorical crossentropy"),
    /** The same against integer class labels. */
    SPARSE_CATEGORICAL_CROSSENTROPY("sparse categorical crossentropy"),
    /**
     * Crossentropy of independent yes/no outputs: one sigmoid unit for two classes
     * ({@code classes = 2}), or one per label for several labels a sample may each have
     * ({@code outputs = N}); averaged over the outputs, as Keras does.
     */
    BINARY_CROSSENTROPY("binary crossentropy"),
    /** The mean of {@code (output - target)²} over the outputs: regression. */
    MEAN_SQUARED_ERROR("mean squared error"),
    /** The mean of {@code |output - target|} over the outputs: regression robust to outliers. */
    MEAN_ABSOLUTE_ERROR("mean absolute error"),
    /**
     * Squared error for errors up to {@link #HUBER_DELTA}, absolute error beyond (Keras' Huber with its
     * default delta), averaged over the outputs: regression.
     */
    HUBER("Huber loss");

    /** Keras' default delta of the Huber loss: where it turns from squared to absolute error. */
    public static final double HUBER_DELTA = 1.0;

    private final String displayName;

    Loss(String displayName) {
        this.displayName = displayName;
    }

    /** Whether labels are class indices rather than one-hot rows. */
    public boolean sparseLabels() {
        return this == SPARSE_CATEGORICAL_CROSSENTROPY;
    }

    /** Whether the loss compares the output with numeric targets rather than classes. */
    public boolean regression() {
        return this == MEAN_SQUARED_ERROR || this == MEAN_ABSOLUTE_ERROR || this == HUBER;
    }

    /** Whether the loss is a crossentropy, which takes probabilities or, with {@code fromLogits}, logits. */
    public boolean crossentropy() {
        return !regression();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
