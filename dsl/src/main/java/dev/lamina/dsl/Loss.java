package dev.lamina.dsl;

/**
 * Losses. Both crossentropies take the model's output as probabilities unless
 * {@link Model#fromLogits()} says it is logits.
 */
public enum Loss {
    /** Crossentropy against one-hot labels of shape (classes). */
    CATEGORICAL_CROSSENTROPY("categorical crossentropy"),
    /** Crossentropy against integer class labels. */
    SPARSE_CATEGORICAL_CROSSENTROPY("sparse categorical crossentropy");

    private final String displayName;

    Loss(String displayName) {
        this.displayName = displayName;
    }

    /** Whether labels are class indices rather than one-hot rows. */
    public boolean sparseLabels() {
        return this == SPARSE_CATEGORICAL_CROSSENTROPY;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
