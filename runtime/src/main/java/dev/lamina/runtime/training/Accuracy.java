package dev.lamina.runtime.training;

import dev.lamina.runtime.kernels.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Accuracy: the highest-scoring output matches the label, or each yes/no output its label. */
public final class Accuracy {
    private Accuracy() {
    }

    /** How many rows of {@code outputs} (batch, classes) have their largest value at the one-hot label. */
    public static long correct(INDArray outputs, INDArray oneHotLabels) {
        // In Java over copies, as the loss: ND4J's two argMax ops cost more than the work (docs/performance.md).
        double[] predicted = Buffers.hostValues(outputs);
        double[] actual = Buffers.hostValues(oneHotLabels);
        int classes = Math.toIntExact(outputs.size(1));
        long correct = 0;
        for (int row = 0; row < predicted.length; row += classes) {
            if (argMax(predicted, row, classes) == argMax(actual, row, classes)) {
                correct++;
            }
        }
        return correct;
    }

    /**
     * How many of {@code outputs} (batch, units), each a yes/no probability (or a logit if
     * {@code logits}), are right about their 0/1 label: Keras' binary accuracy, a probability of
     * more than 0.5 (a logit above 0) being a yes, as Keras counts it.
     */
    public static long correctYesNo(INDArray outputs, INDArray labels, boolean logits) {
        double[] predicted = Buffers.hostValues(outputs);
        double[] actual = Buffers.hostValues(labels);
        double threshold = logits ? 0 : 0.5;
        long correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if ((predicted[i] > threshold) == (actual[i] >= 0.5)) {
                correct++;
            }
        }
        return correct;
    }

    /** The first index of the largest of {@code values[row .. row + classes)}, counted from {@code row}. */
    private static int argMax(double[] values, int row, int classes) {
        int best = 0;
        for (int j = 1; j < classes; j++) {
            if (values[row + j] > values[row + best]) {
                best = j;
            }
        }
        return best;
    }
}
