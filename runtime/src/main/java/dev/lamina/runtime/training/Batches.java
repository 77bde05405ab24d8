package dev.lamina.runtime.training;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.FeatureRows;
import dev.lamina.runtime.kernels.Buffers;
import dev.lamina.runtime.kernels.HostMemory;
import java.nio.ByteBuffer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gathers batches of a dataset in a network's data type and input shape. A shuffled batch is
 * gathered into one of two sets of arrays this object keeps and reuses, so training allocates no
 * batch arrays after its first step; a batch is valid until the next one is gathered into its set.
 * Two sets let {@link BatchFeed} gather the next batch into one while the network trains on the other.
 */
final class Batches {
    private final Network network;
    /** The features, (samples, input size): an array, or a file mapped in pieces, copied a row at a time. */
    private final FeatureRows features;
    /** The labels as the loss takes them, (samples, units). */
    private final FeatureRows labels;
    /** Each sample's weight in the loss, (samples, 1), or null for 1. */
    private final FeatureRows weights;
    /** The two sets of arrays batches are gathered into: the one trained on, and the one being filled. */
    private final Rows[] slots = new Rows[2];

    /** Batches of {@code data}, weighted by its own sample weights if it has them. */
    Batches(Network network, Dataset data) {
        this(network, data, data.sampleWeights().orElse(null));
    }

    /** Batches of {@code data} whose samples' losses are weighted by {@code weights} (null for 1). */
    Batches(Network network, Dataset data, double[] weights) {
        this.network = network;
        Dataset typed = data.withDataType(network.dataType());
        this.features = typed.featureRows(network.dataType());
        this.labels = FeatureRows.of(Targets.of(network, typed));
        this.weights = weights == null ? null
                : FeatureRows.of(Nd4j.create(weights, new long[] {weights.length, 1}, 'c').castTo(network.dataType()));
    }

    /** The features of the given samples, (indices, input shape...), gathered into the first set of arrays. */
    INDArray features(int[] indices) {
        return gather(0, indices).features();
    }

    /** The one-hot labels of the given samples, (indices, classes), gathered into the first set of arrays. */
    INDArray labels(int[] indices) {
        return gather(0, indices).labels();
    }

    /** The loss weights of the given samples, (indices, 1), or null if every sample weighs 1. */
    INDArray weights(int[] indices) {
        return gather(0, indices).weights();
    }

    /** A batch: its features (samples, input shape...), labels (samples, units) and weights (samples, 1) or null. */
    record Batch(INDArray features, INDArray labels, INDArray weights) {
    }

    /** Samples {@code indices} gathered into set {@code slot} (0 or 1) of arrays, in this thread. */
    Batch gather(int slot, int[] indices) {
        reserve(slot, indices.length);
        copy(slot, indices);
        return batch(slot, indices.length);
    }

    /**
     * Makes set {@code slot} of arrays hold at least {@code rows} rows, and readies the memory of those
     * arrays for {@link #copy}. In the training thread: it allocates ND4J arrays.
     */
    void reserve(int slot, int rows) {
        Rows kept = slots[slot];
        if (kept != null && kept.features.size(0) >= rows) {
            return;
        }
        INDArray featureRows = Nd4j.create(network.dataType(), rows, features.rowLength());
        slots[slot] = new Rows(featureRows, like(labels, rows), weights == null ? null : like(weights, rows));
    }

    /**
     * Whether {@link #copy} is plain memory copies (the source and the gathered arrays in host memory),
     * which any thread may make; else it runs ND4J's pullRows, which belongs in the training thread.
     * Asked after {@link #reserve}.
     */
    boolean copiesMemory() {
        for (Rows rows : slots) {
            if (rows != null && !rows.copiesMemory()) {
                return false;
            }
        }
        return features.copiesMemory() && labels.copiesMemory() && (weights == null || weights.copiesMemory());
    }

    /**
     * Copies samples {@code indices} into the leading rows of set {@code slot}, reserved for as many.
     * When {@link #copiesMemory}, plain memory copies on buffers made before, so the prefetching thread
     * may run it while the training thread trains on the other set; the order of the rows, and so every
     * result, is the same whichever thread copies.
     */
    void copy(int slot, int[] indices) {
        Rows into = slots[slot];
        features.copy(indices, into.features, into.featureBytes);
        labels.copy(indices, into.labels, into.labelBytes);
        if (weights != null) {
            weights.copy(indices, into.weights, into.weightBytes);
        }
    }

    /** Views of the leading {@code count} rows of set {@code slot}, in the network's input shape. In the training thread. */
    Batch batch(int slot, int count) {
        Rows rows = slots[slot];
        INDArray features = Buffers.reshape(Buffers.rows(rows.features, count), network.inputShape().withBatch(count));
        return new Batch(features, Buffers.rows(rows.labels, count), rows.weights == null ? null : Buffers.rows(rows.weights, count));
    }

    /** A set of arrays a batch is gathered into, and their memory if it is the host's. */
    private static final class Rows {
        final INDArray features;
        final INDArray labels;
        final INDArray weights;
        final ByteBuffer featureBytes;
        final ByteBuffer labelBytes;
        final ByteBuffer weightBytes;

        Rows(INDArray features, INDArray labels, INDArray weights) {
            this.features = features;
            this.labels = labels;
            this.weights = weights;
            this.featureBytes = hostBytes(features);
            this.labelBytes = hostBytes(labels);
            this.weightBytes = weights == null ? null : hostBytes(weights);
        }

        boolean copiesMemory() {
            return featureBytes != null && labelBytes != null && (weights == null || weightBytes != null);
        }
    }

    /** The memory of {@code array} if it is in the host's memory (a Java copy can fill or read it), else null. */
    private static ByteBuffer hostBytes(INDArray array) {
        return HostMemory.holds(array) ? HostMemory.bytes(array) : null;
    }

    /** A new array of {@code rows} rows as long as {@code source}'s, in the network's data type. */
    private INDArray like(FeatureRows source, int rows) {
        return Nd4j.create(network.dataType(), rows, source.rowLength());
    }


    /**
     * The features of samples {@code from} to {@code to}, (samples, input shape...): a view of an
     * array, or copied into the first set of arrays (a mapped file), valid until the next batch.
     */
    INDArray featureRange(int from, int to) {
        INDArray view = features.view(from, to);
        if (view != null) {
            return view.reshape('c', network.inputShape().withBatch(to - from));
        }
        int[] indices = IntStream.range(from, to).toArray();
        reserve(0, indices.length);
        Rows rows = slots[0];
        features.copy(indices, rows.features, rows.featureBytes);
        return Buffers.reshape(Buffers.rows(rows.features, indices.length), network.inputShape().withBatch(indices.length));
    }

    /** The labels of samples {@code from} to {@code to}, (samples, units): a view. */
    INDArray labelRange(int from, int to) {
        return labels.view(from, to);
    }

    /** The loss weights of samples {@code from} to {@code to}, or null if every sample weighs 1. */
    INDArray weightRange(int from, int to) {
        return weights == null ? null : weights.view(from, to);
    }
}
