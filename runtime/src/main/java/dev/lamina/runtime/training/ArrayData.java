package dev.lamina.runtime.training;

import dev.lamina.runtime.data.Dataset;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Features and labels given as arrays, as Keras' {@code fit(x, y)}, checked against the network and
 * turned into a {@link Dataset}: labels are one-hot rows (samples, classes) for categorical
 * crossentropy and class indices (samples) for the sparse loss.
 */
final class ArrayData {
    private ArrayData() {
    }

    static Dataset of(Network network, INDArray features, INDArray labels, String caller) {
        InputCheck.requireFeatures(network, features, caller);
        long samples = features.size(0);
        boolean sparse = network.loss().sparseLabels();
        long[] expected = sparse ? new long[] {samples} : new long[] {samples, network.classes()};
        boolean columnOfIndices = sparse && labels.rank() == 2 && labels.size(1) == 1 && labels.size(0) == samples;
        if (!Arrays.equals(labels.shape(), expected) && !columnOfIndices) {
            throw new IllegalArgumentException(caller + ": " + network.modelName() + "'s loss (" + network.loss()
                    + ") takes " + (sparse ? "class indices" : "one-hot labels") + " of shape "
                    + InputCheck.format(expected) + " for " + samples + " samples, but received "
                    + InputCheck.format(labels.shape()));
        }
        int[] classes = sparse ? labels.reshape(samples).toIntVector() : labels.argMax(1).toIntVector();
        if (sparse) {
            for (int i = 0; i < classes.length; i++) {
                if (labels.getDouble(i) != classes[i]) {
                    throw new IllegalArgumentException(caller + ": label " + labels.getDouble(i) + " of sample " + i
                            + " is not a class index");
                }
            }
        }
        return Dataset.of("the given arrays", features, classes, network.classes());
    }
}
