package dev.lamina.runtime.training;

import dev.lamina.dsl.Task;
import dev.lamina.runtime.data.Dataset;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Features and labels given as arrays, as Keras' {@code fit(x, y)}, checked against the network and
 * turned into a {@link Dataset}. Labels are what Keras takes for the model's loss: one-hot rows
 * (samples, classes) for categorical crossentropy, class indices (samples) for the sparse loss and
 * for two classes with binary crossentropy, and (samples, outputs) numbers or 0/1 labels otherwise
 * ((samples) will do for one output).
 */
final class ArrayData {
    private ArrayData() {
    }

    static Dataset of(Network network, INDArray features, INDArray labels, String caller) {
        InputCheck.requireFeatures(network, features, caller);
        long samples = features.size(0);
        Task task = network.task();
        if (!task.classLabels()) {
            boolean column = labels.rank() == 1 && network.units() == 1;
            requireShape(network, labels, new long[] {samples, network.units()}, column, "targets", caller);
            return Dataset.ofTargets("the given arrays", features, labels);
        }
        boolean indices = task == Task.BINARY || network.loss().sparseLabels();
        long[] expected = indices ? new long[] {samples} : new long[] {samples, network.classes()};
        boolean columnOfIndices = indices && labels.rank() == 2 && labels.size(1) == 1 && labels.size(0) == samples;
        requireShape(network, labels, expected, columnOfIndices, indices ? "class indices" : "one-hot labels", caller);
        int[] classes = indices ? labels.reshape(samples).toIntVector() : labels.argMax(1).toIntVector();
        if (indices) {
            for (int i = 0; i < classes.length; i++) {
                if (labels.getDouble(i) != classes[i]) {
                    throw new IllegalArgumentException(caller + ": label " + labels.getDouble(i) + " of sample " + i
                            + " is not a class index");
                }
            }
        }
        return Dataset.of("the given arrays", features, classes, network.classes());
    }

    private static void requireShape(Network network, INDArray labels, long[] expected, boolean alsoAccepted,
                                     String what, String caller) {
        if (!Arrays.equals(labels.shape(), expected) && !alsoAccepted) {
            throw new IllegalArgumentException(caller + ": " + network.modelName() + "'s loss (" + network.loss()
                    + ") takes " + what + " of shape " + InputCheck.format(expected) + " for " + expected[0]
                    + " samples, but received " + InputCheck.format(labels.shape()));
        }
    }
}
