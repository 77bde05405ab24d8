package dev.lamina.runtime.training;

import dev.lamina.runtime.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Gathers batches of a dataset in a network's data type and input shape. */
final class Batches {
    private final Network network;
    private final INDArray flatFeatures;
    private final INDArray labels;

    Batches(Network network, Dataset data) {
        this.network = network;
        Dataset typed = data.withDataType(network.dataType());
        INDArray features = InputCheck.typed(network, typed.features());
        this.flatFeatures = features.reshape('c', data.size(), network.inputShape().size());
        this.labels = typed.labelsOneHot();
    }

    /** The features of the given samples, (indices, input shape...). */
    INDArray features(int[] indices) {
        return Nd4j.pullRows(flatFeatures, 1, indices).reshape('c', network.inputShape().withBatch(indices.length));
    }

    /** The one-hot labels of the given samples, (indices, classes). */
    INDArray labels(int[] indices) {
        return Nd4j.pullRows(labels, 1, indices);
    }

    INDArray featureRange(int from, int to) {
        return flatFeatures.get(NDArrayIndex.interval(from, to)).reshape('c', network.inputShape().withBatch(to - from));
    }

    INDArray labelRange(int from, int to) {
        return labels.get(NDArrayIndex.interval(from, to));
    }
}
