package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Window2D;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The kernel and bias gradients of a convolution whose input needs no gradient (a first layer, fed
 * the data), without ND4J's {@code conv2d_bp}, which always computes the input's gradient too.
 *
 * <p>Each output position contributes one row of a patch matrix P: the input cells under the kernel
 * window, in the kernel's own order (kernel row, kernel column, channel), then a 1. One gemm,
 * {@code P^T · dz}, then holds the kernel's gradient in its first {@code kh * kw * in} rows and the
 * bias's in its last. The patches are made by conv2d itself, with a fixed one-hot kernel that
 * copies input cell (i, j, c) to output channel {@code (i * kw + j) * in + c} and a bias that
 * writes the 1, so strides and SAME padding (zero cells) follow the forward pass's own rules. For
 * the reference CNN's first layer on a batch of 64 this took 0.5 ms where libnd4j's im2col and a
 * batched matmul per sample took 3.3 ms, timed alike in one run; conv2d_bp takes longer still
 * (bench's ConvolutionLayouts).
 *
 * <p>An instance holds its patch array, sized for {@code capacity} samples (a smaller batch uses
 * its leading rows), and is used by one layer of one network.
 */
public final class PatchGradients {
    private final Window2D window;
    /** (kernel height, kernel width, in, rows): input cell (i, j, c) to patch column (i * kw + j) * in + c. */
    private final INDArray selector;
    /** (rows): zero but for the last entry, the 1 of the bias column. */
    private final INDArray selectorBias;
    /** (capacity, height', width', rows). */
    private final INDArray patches;
    /** (rows, filters): P^T · dz. */
    private final INDArray product;
    /** Views of the product: its kernel rows, (kh * kw * in, filters), and its bias row (filters). */
    private final INDArray kernelRows;
    private final INDArray biasRow;

    /**
     * For a layer with the given window, input channels and filters, whose output is
     * (capacity, height, width, filters).
     */
    public PatchGradients(DataType dataType, Window2D window, int channels, int filters, long capacity, long height,
                          long width) {
        this.window = window;
        long kernelSize = (long) window.height() * window.width() * channels;
        long rows = kernelSize + 1;
        this.selector = Nd4j.create(dataType, window.height(), window.width(), channels, rows);
        for (int i = 0; i < window.height(); i++) {
            for (int j = 0; j < window.width(); j++) {
                for (int c = 0; c < channels; c++) {
                    selector.putScalar(new long[] {i, j, c, ((long) i * window.width() + j) * channels + c}, 1.0);
                }
            }
        }
        this.selectorBias = Nd4j.create(dataType, rows);
        selectorBias.putScalar(rows - 1, 1.0);
        this.patches = Nd4j.create(dataType, capacity, height, width, rows);
        this.product = Nd4j.create(dataType, rows, filters);
        // Made once: ND4J's indexing is slow enough to show against the gemm.
        this.kernelRows = product.get(NDArrayIndex.interval(0, kernelSize));
        this.biasRow = product.getRow(kernelSize);
    }

    /**
     * From {@code x}, the layer's input (batch, height, width, in), and {@code dz}, the loss
     * gradient with respect to its pre-activation (batch, height', width', filters), writes the
     * kernel's gradient (kernel height, kernel width, in, filters) and the bias's (filters; null for
     * a layer without a bias).
     */
    public void compute(INDArray x, INDArray dz, INDArray kernelGradient, INDArray biasGradient) {
        long batch = dz.size(0);
        INDArray batchPatches = Buffers.rows(patches, batch);
        // Padding cells of a SAME window read as zero, as in the forward pass: conv2d pads them itself.
        ConvolutionOps.conv2d(x, selector, selectorBias, window, batchPatches);
        long positions = batch * dz.size(1) * dz.size(2);
        Nd4j.gemm(batchPatches.reshape('c', positions, product.size(0)), dz.reshape('c', positions, dz.size(3)),
                product, true, false, 1.0, 0.0);
        Buffers.reshape(kernelGradient, kernelRows.size(0), kernelRows.size(1)).assign(kernelRows);
        if (biasGradient != null) {
            biasGradient.assign(biasRow);
        }
    }
}
