package dev.lamina.runtime.kernels;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The two matrix products of a narrow Dense layer's backward pass (a classifier's last layer, of a
 * few units), as Java loops over host memory: the kernel gradient {@code x^T dz} and the input
 * gradient {@code dz kernel^T}, with x (batch, inputs), dz (batch, units), kernel (inputs, units).
 *
 * <p>Why: an ND4J gemm has a fixed cost however small it is (its Java path, then oneDNN creating a
 * matmul for the call), larger than a narrow layer's work in a JIT-vectorized loop (timings:
 * docs/performance.md). Both products are
 * written so that every inner loop runs along the inputs, over whole rows of Java arrays, which is
 * the shape the JIT vectorizes; the unit dimension, too short for a vector, is the outer one.
 * Larger layers stay with ND4J's gemm, which uses both cores and wins as soon as the work grows.
 */
final class NarrowDenseGradients {
    /** The widest layer taken: beyond it ND4J's gemm has enough columns to be efficient. */
    static final int MAX_UNITS = 16;
    /** The most multiply-adds per product taken: past it the gemm's two cores win. */
    static final long MAX_WORK = 1L << 21;
    /** Rows of x (or units of dz) folded in per pass over an accumulator row: fewer loads and stores per multiply-add. */
    private static final int BLOCK = 4;

    /** Per thread and reused, so that a training step allocates nothing: arrays grown as layers need. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private NarrowDenseGradients() {
    }

    /**
     * Whether this layer's products are this class's: few units, little work, float32 arrays in host
     * memory, of shapes that fit (others go to ND4J's gemm, which names the mismatch, where these
     * loops would read past an array); {@code inputGradient} is null for a first layer.
     */
    static boolean takes(INDArray x, INDArray kernel, INDArray dz, INDArray kernelGradient, INDArray inputGradient) {
        if (kernel.rank() != 2 || x.rank() != 2 || dz.rank() != 2 || kernel.size(1) > MAX_UNITS
                || x.size(0) * x.size(1) * kernel.size(1) > MAX_WORK) {
            return false;
        }
        boolean fits = x.size(1) == kernel.size(0) && dz.size(0) == x.size(0) && dz.size(1) == kernel.size(1)
                && Arrays.equals(kernelGradient.shape(), kernel.shape())
                && (inputGradient == null || Arrays.equals(inputGradient.shape(), x.shape()));
        return fits && HostMemory.holdsFloats(x, kernel, dz, kernelGradient)
                && (inputGradient == null || HostMemory.holdsFloats(inputGradient));
    }

    /** {@code kernelGradient = x^T dz}, accumulated per unit along the inputs, a block of rows at a time. */
    static void kernelGradient(INDArray x, INDArray dz, INDArray kernelGradient) {
        int batch = Math.toIntExact(x.size(0));
        int inputs = Math.toIntExact(x.size(1));
        int units = Math.toIntExact(dz.size(1));
        Scratch scratch = SCRATCH.get().ensure(inputs, units);
        float[][] rows = scratch.rows;
        float[][] sums = scratch.unitRows; // sums[j][k]: the gradient of kernel[k][j]
        float[] dzRows = scratch.dzRows;
        for (int j = 0; j < units; j++) {
            Arrays.fill(sums[j], 0, inputs, 0f);
        }
        FloatBuffer xValues = HostMemory.bytes(x).asFloatBuffer();
        FloatBuffer dzValues = HostMemory.bytes(dz).asFloatBuffer();
        int row = 0;
        for (; row + BLOCK <= batch; row += BLOCK) {
            for (int r = 0; r < BLOCK; r++) {
                xValues.get((row + r) * inputs, rows[r], 0, inputs);
            }
            dzValues.get(row * units, dzRows, 0, BLOCK * units);
            float[] x0 = rows[0];
            float[] x1 = rows[1];
            float[] x2 = rows[2];
            float[] x3 = rows[3];
            for (int j = 0; j < units; j++) {
                float d0 = dzRows[j];
                float d1 = dzRows[units + j];
                float d2 = dzRows[2 * units + j];
                float d3 = dzRows[3 * units + j];
                float[] sum = sums[j];
                for (int k = 0; k < inputs; k++) {
                    sum[k] += d0 * x0[k] + d1 * x1[k] + d2 * x2[k] + d3 * x3[k];
                }
            }
        }
        for (; row < batch; row++) {
            float[] x0 = rows[0];
            xValues.get(row * inputs, x0, 0, inputs);
            dzValues.get(row * units, dzRows, 0, units);
            for (int j = 0; j < units; j++) {
                float d0 = dzRows[j];
                float[] sum = sums[j];
                for (int k = 0; k < inputs; k++) {
                    sum[k] += d0 * x0[k];
                }
            }
        }
        float[] transposed = scratch.kernel;
        for (int k = 0; k < inputs; k++) {
            for (int j = 0; j < units; j++) {
                transposed[k * units + j] = sums[j][k];
            }
        }
        HostMemory.bytes(kernelGradient).asFloatBuffer().put(0, transposed, 0, inputs * units);
    }

    /** {@code inputGradient = dz kernel^T}: each row a sum of the kernel's columns, a block of units at a time. */
    static void inputGradient(INDArray dz, INDArray kernel, INDArray inputGradient) {
        int batch = Math.toIntExact(dz.size(0));
        int inputs = Math.toIntExact(kernel.size(0));
        int units = Math.toIntExact(kernel.size(1));
        Scratch scratch = SCRATCH.get().ensure(inputs, units);
        float[][] columns = scratch.unitRows; // columns[j][k] = kernel[k][j]
        float[] values = scratch.kernel;
        HostMemory.bytes(kernel).asFloatBuffer().get(0, values, 0, inputs * units);
        for (int k = 0; k < inputs; k++) {
            for (int j = 0; j < units; j++) {
                columns[j][k] = values[k * units + j];
            }
        }
        float[] out = scratch.rows[0];
        float[] dzRow = scratch.dzRows;
        FloatBuffer dzValues = HostMemory.bytes(dz).asFloatBuffer();
        FloatBuffer outValues = HostMemory.bytes(inputGradient).asFloatBuffer();
        for (int row = 0; row < batch; row++) {
            dzValues.get(row * units, dzRow, 0, units);
            Arrays.fill(out, 0, inputs, 0f);
            int j = 0;
            for (; j + BLOCK <= units; j += BLOCK) {
                float d0 = dzRow[j];
                float d1 = dzRow[j + 1];
                float d2 = dzRow[j + 2];
                float d3 = dzRow[j + 3];
                float[] c0 = columns[j];
                float[] c1 = columns[j + 1];
                float[] c2 = columns[j + 2];
                float[] c3 = columns[j + 3];
                for (int k = 0; k < inputs; k++) {
                    out[k] += d0 * c0[k] + d1 * c1[k] + d2 * c2[k] + d3 * c3[k];
                }
            }
            for (; j < units; j++) {
                float d0 = dzRow[j];
                float[] c0 = columns[j];
                for (int k = 0; k < inputs; k++) {
                    out[k] += d0 * c0[k];
                }
            }
            outValues.put(row * inputs, out, 0, inputs);
        }
    }

    /** One thread's work arrays, grown to the largest layer seen. */
    private static final class Scratch {
        float[][] rows = new float[BLOCK][0];
        float[][] unitRows = new float[MAX_UNITS][0];
        float[] dzRows = new float[BLOCK * MAX_UNITS];
        float[] kernel = new float[0];

        Scratch ensure(int inputs, int units) {
            if (rows[0].length < inputs) {
                rows = new float[BLOCK][inputs];
                unitRows = new float[MAX_UNITS][inputs];
            }
            if (kernel.length < inputs * units) {
                kernel = new float[inputs * units];
            }
            return this;
        }
    }
}
