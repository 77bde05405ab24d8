package dev.lamina.runtime.kernels;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Dense layer's forward product {@code y = x kernel} for at most {@value #MAX_ROWS} rows and little
 * work that oneDNN does not take ({@link OneDnnDense}): a request where oneDNN is off or absent (another
 * platform), and the last few rows of a training epoch. A Java loop over host memory,
 * each row an accumulation of kernel rows along the units, the shape the JIT vectorizes. Training
 * batches keep ND4J's gemm, whose sums differ from the loop's in their last bits: a step's small
 * products are a small share of its time, and the training figures quoted stay what they were.
 *
 * <p>Why: an ND4J gemm costs 25 to 35 microseconds a call however small it is (its Java path, then
 * oneDNN creating a matmul for the call; 1x512x10, 1x576x64 and 1x64x10 took 34, 29 and 25 us, the
 * MLP's 1x784x512 53 us), where the loop does a few thousand multiply-adds in a few microseconds.
 * Past {@link #MAX_WORK} the gemm's vector kernels and both cores win.
 */
final class SmallDenseProduct {
    /** The most rows taken: a request's, not a training batch's. */
    static final long MAX_ROWS = 8;
    /** The most multiply-adds (rows x inputs x units) taken. */
    static final long MAX_WORK = 1L << 16;

    /** Per thread and reused: a prediction allocates nothing here. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private SmallDenseProduct() {
    }

    /**
     * Whether this product is this class's: little work, float32 rows in host memory, of shapes that
     * fit (others go to ND4J's gemm, which names a mismatch where this loop would read past an array).
     */
    static boolean takes(INDArray x, INDArray kernel, INDArray y) {
        if (x.rank() != 2 || kernel.rank() != 2 || y.rank() != 2 || x.size(0) > MAX_ROWS
                || x.size(0) * x.size(1) * kernel.size(1) > MAX_WORK) {
            return false;
        }
        boolean fits = x.size(1) == kernel.size(0) && y.size(0) == x.size(0) && y.size(1) == kernel.size(1);
        // Rows anywhere in their buffer, not only from its start: a dataset's batch in memory is a view
        // at an offset, a mapped file's a copy at 0, and both must take the same arithmetic.
        return fits && HostMemory.holdsFloatRows(x) && HostMemory.holdsFloatRows(kernel) && HostMemory.holdsFloatRows(y);
    }

    /** {@code y = x kernel}: per row, the sum over inputs of the input times the kernel's row, in input order. */
    static void forward(INDArray x, INDArray kernel, INDArray y) {
        int rows = Math.toIntExact(x.size(0));
        int inputs = Math.toIntExact(x.size(1));
        int units = Math.toIntExact(kernel.size(1));
        Scratch scratch = SCRATCH.get().ensure(inputs, units);
        float[] weights = scratch.kernel;
        float[] in = scratch.in;
        float[] out = scratch.out;
        HostMemory.floatRows(kernel).get(0, weights, 0, inputs * units);
        FloatBuffer xValues = HostMemory.floatRows(x);
        FloatBuffer yValues = HostMemory.floatRows(y);
        for (int row = 0; row < rows; row++) {
            xValues.get(row * inputs, in, 0, inputs);
            Arrays.fill(out, 0, units, 0f);
            for (int i = 0; i < inputs; i++) {
                float value = in[i];
                int from = i * units;
                for (int j = 0; j < units; j++) {
                    out[j] += value * weights[from + j];
                }
            }
            yValues.put(row * units, out, 0, units);
        }
    }

    private static final class Scratch {
        float[] kernel = new float[0];
        float[] in = new float[0];
        float[] out = new float[0];

        Scratch ensure(int inputs, int units) {
            if (kernel.length < inputs * units) {
                kernel = new float[inputs * units];
            }
            if (in.length < inputs) {
                in = new float[inputs];
            }
            if (out.length < units) {
                out = new float[units];
            }
            return this;
        }
    }
}
