package dev.lamina.runtime.training;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.kernels.Buffers;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Refuses data of the wrong shape before any computation, naming expected and received shapes. */
final class InputCheck {
    private InputCheck() {
    }

    static void requireDataset(Network network, Dataset data, String caller) {
        requireSamples(network, data, caller);
        Targets.require(network, data, caller);
    }

    /** The features alone: samples of the network's input shape, at least one. */
    static void requireSamples(Network network, Dataset data, String caller) {
        if (!network.inputShape().equals(data.sampleShape())) {
            throw new IllegalArgumentException(caller + ": " + network.modelName() + " takes samples of "
                    + network.inputShape() + " but " + data.name() + " has samples of " + data.sampleShape());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException(caller + ": " + data.name() + " has no samples");
        }
    }

    static void requireFeatures(Network network, INDArray features, String caller) {
        if (!network.inputShape().matchesBatch(features.shape())) {
            throw new IllegalArgumentException(caller + ": " + network.modelName() + " takes features of shape "
                    + "(batch, " + network.inputShape().toString().substring(1) + " but received "
                    + format(features.shape()));
        }
    }

    /** An array shape as users read it: (60000, 28, 28). */
    static String format(long[] shape) {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }

    /** {@code features} in the network's data type, contiguous and row-major (copied only if needed). */
    static INDArray typed(Network network, INDArray features) {
        return Buffers.contiguous(features, network.dataType());
    }
}
