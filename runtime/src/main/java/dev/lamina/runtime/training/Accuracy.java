package dev.lamina.runtime.training;

import dev.lamina.runtime.kernels.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Categorical accuracy: the highest-scoring output matches the label. */
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
