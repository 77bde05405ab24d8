package dev.lamina.runtime.training;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Categorical accuracy: the highest-scoring output matches the label. */
public final class Accuracy {
    private Accuracy() {
    }

    /** How many rows of {@code outputs} (batch, classes) have their largest value at the one-hot label. */
    public static long correct(INDArray outputs, INDArray oneHotLabels) {
        long[] predicted = outputs.argMax(1).toLongVector();
        long[] actual = oneHotLabels.argMax(1).toLongVector();
        long correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == actual[i]) {
                correct++;
            }
        }
        return correct;
    }
}
