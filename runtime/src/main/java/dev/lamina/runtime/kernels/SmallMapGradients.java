package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Window2D;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backward pass of a convolution whose output map is small (the generated code picks it for maps
 * of a few dozen positions, such as the reference CNN's third layer, 5x5x64 to 3x3x64), as gemms over
 * its input's patches: the kernel's gradient is {@code P^T · dz}, the bias's the column sums of dz,
 * and the input's {@code dz · kernel^T}, scattered back from patch cells to the input cells they were
 * copied from. P has a row per output position: the input cells under the window, in the kernel's own
 * order (kernel row, kernel column, channel), zero for a SAME window's padding. Java loops make the
 * patches and scatter their gradients.
 *
 * <p>Why: oneDNN's convolutions block their work over the output map, which a map of a few positions
 * leaves mostly empty, where gemms over the patches run at the gemm's rate. Its forward pass stays
 * with conv2d, which did not lose to the gemm (timings: docs/performance.md).
 *
 * <p>Only for float32 arrays in host memory: other arrays (a GPU backend, double precision) go to
 * ND4J's conv2d_bp, as {@link Conv2DKernel#backward}. An instance belongs to one layer of one network
 * and holds patch arrays for up to {@code capacity} samples.
 */
public final class SmallMapGradients {
    private final Window2D window;
    private final int channels;
    private final int outHeight;
    private final int outWidth;
    /** Kernel height x kernel width x channels: a patch's cells. */
    private final int kernelSize;
    /** Per run of {@code channels} patch cells, its input cells' offset in a sample, or -1 for padding. */
    private final int[] cellOffsets;
    /** (capacity * positions, kernelSize): the patches of a batch's input, in its leading rows. */
    private final INDArray patches;
    /** (capacity * positions, kernelSize): the loss gradient with respect to each patch cell. */
    private final INDArray patchGradients;
    /** One sample's input (or input gradient) and its patch rows, in Java for the loops. */
    private final float[] sampleCells;
    private final float[] samplePatches;

    /** For a layer with the given window, input (height, width, channels) and output map. */
    public SmallMapGradients(DataType dataType, Window2D window, int height, int width, int channels, long capacity) {
        this.window = window;
        this.channels = channels;
        this.outHeight = Math.toIntExact(window.outputLength(height, window.height(), window.strideHeight()));
        this.outWidth = Math.toIntExact(window.outputLength(width, window.width(), window.strideWidth()));
        this.kernelSize = window.height() * window.width() * channels;
        this.cellOffsets = cellOffsets(window, height, width, channels, outHeight, outWidth,
                Math.toIntExact(window.paddingBefore(height, window.height(), window.strideHeight())),
                Math.toIntExact(window.paddingBefore(width, window.width(), window.strideWidth())));
        long positions = (long) outHeight * outWidth;
        this.patches = Nd4j.create(dataType, capacity * positions, kernelSize);
        this.patchGradients = Nd4j.create(dataType, capacity * positions, kernelSize);
        this.sampleCells = new float[height * width * channels];
        this.samplePatches = new float[Math.toIntExact(positions * kernelSize)];
    }

    /**
     * From {@code dz}, the loss gradient with respect to the pre-activation of the output of
     * {@code conv2d(x, kernel) + bias}, writes the gradients of the kernel, of the bias (null without
     * one) and of the input (null if it needs none).
     */
    public void backward(INDArray x, INDArray kernel, INDArray bias, INDArray dz, INDArray kernelGradient,
                         INDArray biasGradient, INDArray inputGradient) {
        long rows = x.size(0) * outHeight * outWidth;
        // Arrays of other shapes go to conv2d_bp too, which names the mismatch where these loops would
        // read past an array.
        boolean inJava = rows <= patches.size(0) && x.length() == x.size(0) * sampleCells.length
                && dz.size(0) == x.size(0) && dz.length() == rows * kernel.size(3)
                && kernel.length() == (long) kernelSize * kernel.size(3) && kernelGradient.length() == kernel.length()
                && HostMemory.holdsFloats(x, kernel, dz, kernelGradient, patches)
                && (biasGradient == null || HostMemory.holdsFloats(biasGradient))
                && (inputGradient == null || HostMemory.holdsFloats(inputGradient)
                        && Arrays.equals(inputGradient.shape(), x.shape()));
        if (!inJava) {
            Conv2DKernel.backward(x, kernel, bias, dz, window, kernelGradient, biasGradient, inputGradient);
            return;
        }
        INDArray batchPatches = Buffers.rows(patches, rows);
        makePatches(x, batchPatches);
        INDArray dzRows = Buffers.reshape(dz, rows, dz.size(3));
        INDArray kernelRows = Buffers.reshape(kernel, kernelSize, dz.size(3));
        KeptOps.matmul(batchPatches, dzRows, Buffers.reshape(kernelGradient, kernelSize, dz.size(3)), true, false);
        if (biasGradient != null) {
            ColumnSums.of(dzRows, biasGradient);
        }
        if (inputGradient != null) {
            INDArray batchPatchGradients = Buffers.rows(patchGradients, rows);
            KeptOps.matmul(dzRows, kernelRows, batchPatchGradients, false, true);
            scatterPatchGradients(batchPatchGradients, inputGradient);
        }
    }

    /**
     * Where each run of {@code channels} patch cells comes from: for output position p and kernel
     * cell (i, j), entry {@code p * kh * kw + i * kw + j} is the offset of its input cell in a
     * sample's cells, or -1 where a SAME window reads padding.
     */
    private static int[] cellOffsets(Window2D window, int height, int width, int channels, int outHeight,
                                     int outWidth, int padTop, int padLeft) {
        int[] offsets = new int[outHeight * outWidth * window.height() * window.width()];
        int run = 0;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                for (int i = 0; i < window.height(); i++) {
                    int iy = oy * window.strideHeight() + i - padTop;
                    for (int j = 0; j < window.width(); j++) {
                        int ix = ox * window.strideWidth() + j - padLeft;
                        boolean inside = iy >= 0 && iy < height && ix >= 0 && ix < width;
                        offsets[run++] = inside ? (iy * width + ix) * channels : -1;
                    }
                }
            }
        }
        return offsets;
    }

    /** Each sample's patch rows from its input cells, zero for a SAME window's padding. */
    private void makePatches(INDArray x, INDArray batchPatches) {
        FloatBuffer cells = HostMemory.bytes(x).asFloatBuffer();
        FloatBuffer rows = HostMemory.bytes(batchPatches).asFloatBuffer();
        for (int sample = 0; sample < x.size(0); sample++) {
            cells.get(sample * sampleCells.length, sampleCells);
            for (int run = 0; run < cellOffsets.length; run++) {
                int to = run * channels;
                if (cellOffsets[run] >= 0) {
                    System.arraycopy(sampleCells, cellOffsets[run], samplePatches, to, channels);
                } else {
                    Arrays.fill(samplePatches, to, to + channels, 0f);
                }
            }
            rows.put(sample * samplePatches.length, samplePatches);
        }
    }

    /** The input's gradient: each patch cell's gradient added to the input cell it was copied from. */
    private void scatterPatchGradients(INDArray batchPatchGradients, INDArray inputGradient) {
        FloatBuffer rows = HostMemory.bytes(batchPatchGradients).asFloatBuffer();
        FloatBuffer cells = HostMemory.bytes(inputGradient).asFloatBuffer();
        for (int sample = 0; sample < inputGradient.size(0); sample++) {
            rows.get(sample * samplePatches.length, samplePatches);
            Arrays.fill(sampleCells, 0f);
            for (int run = 0; run < cellOffsets.length; run++) {
                int to = cellOffsets[run];
                if (to >= 0) {
                    int from = run * channels;
                    for (int c = 0; c < channels; c++) {
                        sampleCells[to + c] += samplePatches[from + c];
                    }
                }
            }
            cells.put(sample * sampleCells.length, sampleCells);
        }
    }
}
