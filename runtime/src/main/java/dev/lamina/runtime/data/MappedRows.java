package dev.lamina.runtime.data;

import dev.lamina.runtime.kernels.Buffers;
import dev.lamina.runtime.kernels.HostMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Feature rows read from a {@link MappedNpy}'s mappings: all its samples, a range of them (a slice,
 * a validation split) or a list (a selection, a split's part), never copied as a whole. A batch is
 * copied a row at a time; a row is in one mapping, since a mapping holds whole samples.
 */
final class MappedRows implements FeatureRows {
    /** Whether a float32 batch array's memory is little-endian as the file: then a row is one memory copy. */
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final MappedNpy npy;
    /** The file's sample of row 0 when {@link #samples} is null. */
    private final int first;
    private final int size;
    /** The file's sample of each row, or null for {@code first} to {@code first + size}. */
    private final int[] samples;

    MappedRows(MappedNpy npy) {
        this(npy, 0, npy.samples(), null);
    }

    private MappedRows(MappedNpy npy, int first, int size, int[] samples) {
        this.npy = npy;
        this.first = first;
        this.size = size;
        this.samples = samples;
    }

    /** The file's sample of row {@code row}. */
    private int sample(int row) {
        Objects.checkIndex(row, size);
        return samples == null ? first + row : samples[row];
    }

    /** Rows {@code from} to {@code to}, which the caller has checked. */
    MappedRows slice(int from, int to) {
        return samples == null ? new MappedRows(npy, first + from, to - from, null)
                : new MappedRows(npy, 0, to - from, Arrays.copyOfRange(samples, from, to));
    }

    /** Rows {@code indices}, in that order. */
    MappedRows select(int[] indices) {
        int[] selected = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            selected[i] = sample(indices[i]);
        }
        return new MappedRows(npy, 0, indices.length, selected);
    }

    MappedNpy npy() {
        return npy;
    }

    long[] shape() {
        long[] shape = npy.shape();
        shape[0] = size;
        return shape;
    }

    /** The rows as one array, (size, sample shape...), if the file is in one mapping (see {@link MappedNpy#array}), else null. */
    INDArray array() {
        INDArray all = npy.array();
        if (all == null || (samples == null && first == 0 && size == npy.samples())) {
            return all;
        }
        if (samples == null) {
            return all.get(NDArrayIndex.interval(first, first + size));
        }
        INDArray flat = all.reshape('c', npy.samples(), npy.rowFloats());
        return Nd4j.pullRows(flat, 1, samples).reshape('c', shape());
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long rowLength() {
        return npy.rowFloats();
    }

    /** The values are host memory by nature: copying them is Java's unless the host loops are off. */
    @Override
    public boolean copiesMemory() {
        return HostMemory.loopsOn();
    }

    @Override
    public void copy(int[] indices, INDArray into, ByteBuffer intoBytes) {
        DataType type = into.dataType();
        if (intoBytes != null && HostMemory.loopsOn() && (type == DataType.FLOAT || type == DataType.DOUBLE)) {
            copyMemory(indices, type, intoBytes);
        } else {
            copyWithNd4j(indices, into);
        }
    }

    /** A row at a time from its mapping into host memory, float32 as it is, float64 converted value by value. */
    private void copyMemory(int[] indices, DataType type, ByteBuffer into) {
        int rowFloats = npy.rowFloats();
        int rowBytes = rowFloats * 4;
        int perMapping = npy.perMapping();
        for (int i = 0; i < indices.length; i++) {
            int sample = sample(indices[i]);
            MappedByteBuffer from = npy.mapping(sample / perMapping);
            int at = (sample % perMapping) * rowBytes;
            // Absolute gets and puts leave the buffers' positions alone: no shared state between threads.
            if (type == DataType.FLOAT && LITTLE_ENDIAN) {
                into.put(i * rowBytes, from, at, rowBytes);
            } else if (type == DataType.FLOAT) {
                for (int j = 0; j < rowFloats; j++) {
                    into.putFloat(i * rowBytes + 4 * j, from.getFloat(at + 4 * j));
                }
            } else {
                // A float64 network streams too: each batch is converted, never the whole features.
                int base = i * rowFloats * 8;
                for (int j = 0; j < rowFloats; j++) {
                    into.putDouble(base + 8 * j, from.getFloat(at + 4 * j));
                }
            }
        }
    }

    /** The rows read into a Java array and assigned by ND4J: for a batch array not in host memory, or with the host loops off. */
    private void copyWithNd4j(int[] indices, INDArray into) {
        int rowFloats = npy.rowFloats();
        int perMapping = npy.perMapping();
        float[] values = new float[Math.multiplyExact(indices.length, rowFloats)];
        for (int i = 0; i < indices.length; i++) {
            int sample = sample(indices[i]);
            npy.floats(sample / perMapping).get((sample % perMapping) * rowFloats, values, i * rowFloats, rowFloats);
        }
        INDArray rows = Nd4j.create(values, new long[] {indices.length, rowFloats}, 'c');
        Buffers.rows(into, indices.length).assign(rows.dataType() == into.dataType() ? rows : rows.castTo(into.dataType()));
    }

    @Override
    public INDArray view(int from, int to) {
        return null;
    }

    @Override
    public String toString() {
        return size + " rows of " + npy;
    }
}
