package dev.lamina.runtime.training;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.kernels.Buffers;
import dev.lamina.runtime.kernels.HostMemory;
import java.nio.ByteBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Gathers batches of a dataset in a network's data type and input shape. A shuffled batch is
 * gathered into arrays this object keeps and reuses, so training allocates no batch arrays after its
 * first step; each batch is valid until the next one is gathered.
 */
final class Batches {
    private final Network network;
    private final INDArray flatFeatures;
    private final INDArray labels;
    /** Each sample's weight in the loss, (samples, 1), or null for 1. */
    private final INDArray weights;
    private INDArray featureRows;
    private INDArray labelRows;
    private INDArray weightRows;

    /** Batches of {@code data}, weighted by its own sample weights if it has them. */
    Batches(Network network, Dataset data) {
        this(network, data, data.sampleWeights().orElse(null));
    }

    /** Batches of {@code data} whose samples' losses are weighted by {@code weights} (null for 1). */
    Batches(Network network, Dataset data, double[] weights) {
        this.network = network;
        Dataset typed = data.withDataType(network.dataType());
        INDArray features = InputCheck.typed(network, typed.features());
        this.flatFeatures = features.reshape('c', data.size(), network.inputShape().size());
        this.labels = Targets.of(network, typed, "fit");
        this.weights = weights == null ? null
                : Nd4j.create(weights, new long[] {weights.length, 1}, 'c').castTo(network.dataType());
    }

    /** The features of the given samples, (indices, input shape...). */
    INDArray features(int[] indices) {
        featureRows = atLeast(featureRows, flatFeatures, indices.length);
        return Buffers.reshape(gather(flatFeatures, featureRows, indices), network.inputShape().withBatch(indices.length));
    }

    /** The one-hot labels of the given samples, (indices, classes). */
    INDArray labels(int[] indices) {
        labelRows = atLeast(labelRows, labels, indices.length);
        return gather(labels, labelRows, indices);
    }

    /** The loss weights of the given samples, (indices, 1), or null if every sample weighs 1. */
    INDArray weights(int[] indices) {
        if (weights == null) {
            return null;
        }
        weightRows = atLeast(weightRows, weights, indices.length);
        return gather(weights, weightRows, indices);
    }

    /** {@code kept} if it has at least {@code rows} rows, else a new array of that many rows like {@code source}'s. */
    private static INDArray atLeast(INDArray kept, INDArray source, int rows) {
        return kept != null && kept.size(0) >= rows ? kept : Nd4j.create(source.dataType(), rows, source.size(1));
    }

    /** Rows {@code indices} of {@code source}, copied into the leading rows of {@code into}. */
    private static INDArray gather(INDArray source, INDArray into, int[] indices) {
        INDArray rows = Buffers.rows(into, indices.length);
        if (!HostMemory.holds(source) || !HostMemory.holds(into)) {
            Nd4j.pullRows(source, rows, 1, indices);
            return rows;
        }
        // One memory copy a row: a few times faster than ND4J's pullRows (docs/performance.md).
        ByteBuffer from = HostMemory.bytes(source);
        ByteBuffer to = HostMemory.bytes(into);
        int rowBytes = Math.toIntExact(source.size(1) * source.dataType().width());
        for (int i = 0; i < indices.length; i++) {
            to.put(i * rowBytes, from, indices[i] * rowBytes, rowBytes);
        }
        return rows;
    }

    INDArray featureRange(int from, int to) {
        return flatFeatures.get(NDArrayIndex.interval(from, to)).reshape('c', network.inputShape().withBatch(to - from));
    }

    INDArray labelRange(int from, int to) {
        return labels.get(NDArrayIndex.interval(from, to));
    }

    /** The loss weights of samples {@code from} to {@code to}, or null if every sample weighs 1. */
    INDArray weightRange(int from, int to) {
        return weights == null ? null : weights.get(NDArrayIndex.interval(from, to));
    }
}
