package dev.lamina.runtime.optimizers;

import dev.lamina.runtime.kernels.HostMemory;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An element-wise update run as one plain Java loop over arrays in the host's memory, a chunk at a
 * time: each chunk of every array is copied into a small Java array (it stays in the L1 cache), the
 * update runs over the chunks, which the JIT compiles to vector instructions, and the arrays it
 * writes are copied back.
 *
 * <p>Why: libnd4j's CPU build computes an element-wise square root one element at a time, and its
 * fused {@code rms_prop_updater} and {@code adam_updater} use it; one fused loop here is several
 * times faster on one thread than they are on two (timings: docs/performance.md).
 *
 * <p>Only for float32 arrays that {@link HostMemory#holds}: elsewhere (a GPU backend, double
 * precision, the loops switched off) {@link #of} returns null and the optimizers use ND4J's ops
 * instead; they also check {@link HostMemory#loopsOn} before each run, as the switch may be turned
 * off after {@link #of}.
 */
final class HostLoop {

    /** The update of one chunk: {@code chunks[a][i]} is element i of array a, for i below {@code length}. */
    @FunctionalInterface
    interface ChunkUpdate {
        void apply(float[][] chunks, int length);
    }

    private final FloatBuffer[] buffers;
    private final boolean[] written;
    private final float[][] chunks;
    private final int length;

    private HostLoop(FloatBuffer[] buffers, boolean[] written, int length) {
        this.buffers = buffers;
        this.written = written;
        this.chunks = new float[buffers.length][HostMemory.CHUNK];
        this.length = length;
    }

    /**
     * A loop over {@code arrays}, all of one length, of which those flagged in {@code written} are
     * written back; null where the arrays are not plain float32 arrays in host memory.
     */
    static HostLoop of(INDArray[] arrays, boolean[] written) {
        FloatBuffer[] buffers = new FloatBuffer[arrays.length];
        for (int a = 0; a < arrays.length; a++) {
            INDArray array = arrays[a];
            if (!HostMemory.holdsFloats(array) || array.length() != arrays[0].length()) {
                return null;
            }
            buffers[a] = HostMemory.bytes(array).asFloatBuffer();
        }
        return new HostLoop(buffers, written.clone(), Math.toIntExact(arrays[0].length()));
    }

    void run(ChunkUpdate update) {
        for (int from = 0; from < length; from += HostMemory.CHUNK) {
            int size = Math.min(HostMemory.CHUNK, length - from);
            for (int a = 0; a < buffers.length; a++) {
                buffers[a].get(from, chunks[a], 0, size);
            }
            update.apply(chunks, size);
            for (int a = 0; a < buffers.length; a++) {
                if (written[a]) {
                    buffers[a].put(from, chunks[a], 0, size);
                }
            }
        }
    }
}
