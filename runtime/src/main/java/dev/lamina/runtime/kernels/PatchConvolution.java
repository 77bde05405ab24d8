package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Window2D;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A convolution whose input needs no gradient (a first layer, fed the data), computed from its
 * input's patches: the forward pass is one gemm over them, and they are kept for the backward pass,
 * which gives the kernel's and bias's gradients with a second gemm and never computes the input's
 * gradient (ND4J's {@code conv2d_bp} always does).
 *
 * <p>Each output position contributes one row of a patch matrix P: the input cells under the kernel
 * window, in the kernel's own order (kernel row, kernel column, channel), then a 1. With W the
 * kernel's rows stacked on the bias, the output is {@code P · W}, and {@code P^T · dz} holds the
 * kernel's gradient in its first {@code kh * kw * in} rows and the bias's in its last. The patches
 * are made by conv2d itself, with a fixed one-hot kernel that copies input cell (i, j, c) to output
 * channel {@code (i * kw + j) * in + c} and a bias that writes the 1, so strides and SAME padding
 * (zero cells) follow conv2d's own rules.
 *
 * <p>Why: the gemm beats oneDNN's conv2d on a first layer's few input channels, and the patches it
 * reads are made once a step rather than twice (timings: docs/performance.md).
 *
 * <p>An instance holds its patch array, sized for {@code capacity} samples (a smaller batch uses
 * its leading rows), and is used by one layer of one network; {@link #backward} takes the batch of
 * the last {@link #forward}, as a training step runs them.
 */
public final class PatchConvolution {
    private final Window2D window;
    /** (kernel height, kernel width, in, rows): input cell (i, j, c) to patch column (i * kw + j) * in + c. */
    private final INDArray selector;
    /** (rows): zero but for the last entry, the 1 of the bias column. */
    private final INDArray selectorBias;
    /** (capacity, height', width', rows), the last forward pass's in its leading {@link #batch} samples. */
    private final INDArray patches;
    /** Samples in the patches; 0 before the first forward pass. */
    private long batch;
    /** (rows, filters): the kernel's rows, then the bias's (0 for a layer without one); P · W is the output. */
    private final INDArray weights;
    private final INDArray weightsKernelRows;
    private final INDArray weightsBiasRow;
    /** (rows, filters): P^T · dz, the gradient of W. */
    private final INDArray product;
    private final INDArray productKernelRows;
    private final INDArray productBiasRow;

    /**
     * For a layer with the given window, input channels and filters, whose output is
     * (capacity, height, width, filters).
     */
    public PatchConvolution(DataType dataType, Window2D window, int channels, int filters, long capacity, long height,
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
        // The views are made once: ND4J's indexing is slow enough to show against the gemms.
        this.weights = Nd4j.create(dataType, rows, filters);
        this.weightsKernelRows = weights.get(NDArrayIndex.interval(0, kernelSize));
        this.weightsBiasRow = weights.getRow(kernelSize);
        this.product = Nd4j.create(dataType, rows, filters);
        this.productKernelRows = product.get(NDArrayIndex.interval(0, kernelSize));
        this.productBiasRow = product.getRow(kernelSize);
    }

    /**
     * Writes {@code activation(conv2d(x, kernel) + bias)} into {@code y} (batch, height', width',
     * filters), from x (batch, height, width, in) and kernel (kernel height, kernel width, in,
     * filters); {@code bias} may be null. Keeps x's patches for {@link #backward}.
     */
    public void forward(INDArray x, INDArray kernel, INDArray bias, Activation activation, INDArray y) {
        batch = x.size(0);
        INDArray batchPatches = Buffers.rows(patches, batch);
        // Padding cells of a SAME window read as zero, as conv2d pads them.
        ConvolutionOps.conv2d(x, selector, selectorBias, window, batchPatches);
        stackWeights(kernel, bias);
        long positions = batch * y.size(1) * y.size(2);
        KeptOps.matmul(Buffers.reshape(batchPatches, positions, weights.size(0)), weights,
                Buffers.reshape(y, positions, weights.size(1)), false, false);
        Activations.forward(activation, y);
    }

    /**
     * From {@code dz}, the loss gradient with respect to the pre-activation of the last forward
     * pass's output (batch, height', width', filters), writes the kernel's gradient (kernel height,
     * kernel width, in, filters) and the bias's (filters; null for a layer without a bias).
     */
    public void backward(INDArray dz, INDArray kernelGradient, INDArray biasGradient) {
        if (dz.size(0) != batch) {
            throw new IllegalStateException("The gradient is for a batch of " + dz.size(0)
                    + " samples, the last forward pass had " + batch);
        }
        long positions = batch * dz.size(1) * dz.size(2);
        KeptOps.matmul(Buffers.reshape(Buffers.rows(patches, batch), positions, product.size(0)),
                Buffers.reshape(dz, positions, dz.size(3)), product, true, false);
        splitProduct(kernelGradient, biasGradient);
    }

    /*
     * The two methods below move a few hundred values each step: with float32 arrays in host memory
     * they are memory copies, as each of ND4J's assigns they replace costs more than the copy.
     */

    /** W: the kernel's rows, then the bias's (left 0 for a layer without one). */
    private void stackWeights(INDArray kernel, INDArray bias) {
        if (HostMemory.holdsFloats(kernel, weights) && (bias == null || HostMemory.holdsFloats(bias))) {
            FloatBuffer stacked = HostMemory.bytes(weights).asFloatBuffer();
            stacked.put(0, HostMemory.floats(kernel));
            if (bias != null) {
                stacked.put(Math.toIntExact(kernel.length()), HostMemory.floats(bias));
            }
            return;
        }
        weightsKernelRows.assign(Buffers.reshape(kernel, weightsKernelRows.size(0), weightsKernelRows.size(1)));
        if (bias != null) {
            weightsBiasRow.assign(bias);
        }
    }

    /** The kernel's gradient from P^T · dz's first rows, the bias's (if not null) from its last. */
    private void splitProduct(INDArray kernelGradient, INDArray biasGradient) {
        if (HostMemory.holdsFloats(product, kernelGradient) && (biasGradient == null || HostMemory.holdsFloats(biasGradient))) {
            float[] values = HostMemory.floats(product);
            int kernelValues = Math.toIntExact(kernelGradient.length());
            HostMemory.bytes(kernelGradient).asFloatBuffer().put(0, values, 0, kernelValues);
            if (biasGradient != null) {
                HostMemory.bytes(biasGradient).asFloatBuffer().put(0, values, kernelValues, values.length - kernelValues);
            }
            return;
        }
        Buffers.reshape(kernelGradient, productKernelRows.size(0), productKernelRows.size(1)).assign(productKernelRows);
        if (biasGradient != null) {
            biasGradient.assign(productBiasRow);
        }
    }
}
