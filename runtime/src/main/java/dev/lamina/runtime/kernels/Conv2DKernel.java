package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Window2D;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2D convolution layer on a batch, channels-last: {@code y = activation(conv2d(x, kernel) + bias)}
 * with x (batch, height, width, in), kernel (kernel height, kernel width, in, out), y (batch,
 * height', width', out). Outputs go into arrays the caller owns.
 */
public final class Conv2DKernel {
    private Conv2DKernel() {
    }

    /** Writes {@code activation(conv2d(x, kernel) + bias)} into {@code y}; {@code bias} may be null. */
    public static void forward(INDArray x, INDArray kernel, INDArray bias, Window2D window, Activation activation,
                               INDArray y) {
        ConvolutionOps.conv2d(x, kernel, bias, window, y);
        Activations.forward(activation, y);
    }

    /**
     * From {@code dz}, the loss gradient with respect to the pre-activation, writes the gradients of
     * the kernel, of the bias (if {@code bias} is not null) and of the input.
     */
    public static void backward(INDArray x, INDArray kernel, INDArray bias, INDArray dz, Window2D window,
                                INDArray kernelGradient, INDArray biasGradient, INDArray inputGradient) {
        ConvolutionOps.conv2dBackward(x, kernel, bias, dz, window, inputGradient, kernelGradient, biasGradient);
    }

    /**
     * The backward pass of a layer whose input needs no gradient (the first layer, fed the data):
     * only the kernel's and the bias's (if {@code biasGradient} is not null). ND4J's conv2d_bp
     * always computes the input's gradient too, and for a first layer of one channel that is most of
     * its time (4.5 ms of a batch of 64 28x28 images); here the kernel's gradient is one gemm over
     * the input's patches instead, {@code patches^T · dz}, with the patches written into
     * {@code columns}, (batch, height', width', kernel height, kernel width, in), a buffer the caller
     * owns.
     */
    public static void backwardWithoutInputGradient(INDArray x, INDArray dz, Window2D window, INDArray columns,
                                                    INDArray kernelGradient, INDArray biasGradient) {
        ConvolutionOps.im2col(x, window, columns);
        long positions = dz.size(0) * dz.size(1) * dz.size(2);
        INDArray patches = columns.reshape('c', positions, kernelGradient.length() / dz.size(3));
        INDArray dzRows = dz.reshape('c', positions, dz.size(3));
        // (kh * kw * in, out) in c order is the kernel's own (kh, kw, in, out) layout.
        Nd4j.gemm(patches, dzRows, kernelGradient.reshape('c', patches.size(1), dz.size(3)), true, false, 1.0, 0.0);
        if (biasGradient != null) {
            dzRows.sum(biasGradient, 0);
        }
    }
}
