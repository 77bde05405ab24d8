package dev.lamina.runtime.data;

import java.nio.ByteBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dataset's features as {@code fit}, {@code evaluate} and {@code predict(Dataset)} read them: one
 * row of values a sample, copied batch by batch into arrays of the network's data type. Either an
 * array in memory, or a {@code .npy} file mapped in pieces ({@link MappedNpy}), which may be larger
 * than the memory and than one ND4J buffer, so it is never one array. From {@link Dataset#featureRows}.
 * A batch's labels and loss weights are gathered the same way, as the rows of arrays ({@link #of}).
 */
public interface FeatureRows {
    /** The rows of {@code rows}, a (samples, row length) row-major array: copied a row at a time when in host memory. */
    static FeatureRows of(INDArray rows) {
        return new ArrayRows(rows);
    }

    /** The number of rows (samples). */
    int size();

    /** The values of one row: the product of the sample shape. */
    long rowLength();

    /**
     * Whether {@link #copy} into host memory makes only memory copies, no ND4J op, so that any thread
     * (the prefetching one) may run it while the training thread runs ND4J ops.
     */
    boolean copiesMemory();

    /**
     * Copies rows {@code indices}, in that order, into the leading rows of {@code into}, a row-major
     * (rows, {@link #rowLength}) array of the network's data type, converting to it if needed.
     * {@code intoBytes} is {@code into}'s memory if it is the host's ({@code HostMemory.bytes}), or
     * null: then the copy is ND4J ops, to be run in the thread that runs the network's.
     *
     * @throws IndexOutOfBoundsException if an index is not a row
     */
    void copy(int[] indices, INDArray into, ByteBuffer intoBytes);

    /** Rows {@code from} to {@code to}, (to - from, rowLength), as a view without a copy; null if they can only be copied. */
    INDArray view(int from, int to);
}
