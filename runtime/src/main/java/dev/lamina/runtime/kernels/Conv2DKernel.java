package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Window2D;
import org.nd4j.linalg.api.ndarray.INDArray;

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
     * the kernel, of the bias (if {@code bias} is not null) and of the input (not null: a layer
     * whose input needs no gradient uses {@link PatchConvolution}).
     */
    public static void backward(INDArray x, INDArray kernel, INDArray bias, INDArray dz, Window2D window,
                                INDArray kernelGradient, INDArray biasGradient, INDArray inputGradient) {
        ConvolutionOps.conv2dBackward(x, kernel, bias, dz, window, inputGradient, kernelGradient, biasGradient);
    }
}
