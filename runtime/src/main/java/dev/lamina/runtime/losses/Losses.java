package dev.lamina.runtime.losses;

import dev.lamina.dsl.Loss;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The value of any {@link Loss}: the one place that picks the formula for a model's loss. */
public final class Losses {
    private Losses() {
    }

    /**
     * The batch's loss of {@code outputs} (logits if {@code fromLogits}) against {@code targets} in the
     * form the training loop gives them (one-hot rows, 0/1 columns or numbers), each sample weighted by
     * {@code weights} (null for 1).
     */
    public static double value(Loss loss, boolean fromLogits, INDArray outputs, INDArray targets, INDArray weights) {
        return switch (loss) {
            case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> fromLogits
                    ? CrossEntropy.fromLogits(outputs, targets, weights)
                    : CrossEntropy.fromProbabilities(outputs, targets, weights);
            case BINARY_CROSSENTROPY -> fromLogits
                    ? BinaryCrossEntropy.fromLogits(outputs, targets, weights)
                    : BinaryCrossEntropy.fromProbabilities(outputs, targets, weights);
            case MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR, HUBER -> RegressionLoss.value(loss, outputs, targets, weights);
        };
    }
}
