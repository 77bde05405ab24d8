package dev.lamina.runtime.data;

import dev.lamina.runtime.kernels.Buffers;
import dev.lamina.runtime.kernels.HostMemory;
import java.nio.ByteBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Feature rows of an array in memory (or one mapping, {@link NpyReader#map}): (samples, row length), row-major. */
final class ArrayRows implements FeatureRows {
    private final INDArray flat;
    /** The array's memory if it is the host's (Java copies read it), else null (ND4J's pullRows does). */
    private final ByteBuffer bytes;

    ArrayRows(INDArray flat) {
        this.flat = flat;
        this.bytes = HostMemory.holds(flat) ? HostMemory.bytes(flat) : null;
    }

    @Override
    public int size() {
        return Math.toIntExact(flat.size(0));
    }

    @Override
    public long rowLength() {
        return flat.size(1);
    }

    @Override
    public boolean copiesMemory() {
        return bytes != null;
    }

    @Override
    public void copy(int[] indices, INDArray into, ByteBuffer intoBytes) {
        if (bytes == null || intoBytes == null) {
            Nd4j.pullRows(flat, Buffers.rows(into, indices.length), 1, indices);
            return;
        }
        // One memory copy a row: a few times faster than ND4J's pullRows (docs/performance.md). Absolute
        // puts leave both buffers' positions alone, so nothing here is shared state between threads.
        int rowBytes = Math.toIntExact(flat.size(1) * flat.dataType().width());
        for (int i = 0; i < indices.length; i++) {
            intoBytes.put(i * rowBytes, bytes, indices[i] * rowBytes, rowBytes);
        }
    }

    @Override
    public INDArray view(int from, int to) {
        return flat.get(NDArrayIndex.interval(from, to));
    }
}
