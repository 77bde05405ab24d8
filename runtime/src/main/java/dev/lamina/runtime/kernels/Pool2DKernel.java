package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.Window2D;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Max and average pooling on a batch, channels-last, into arrays the caller owns, through ND4J's ops: {@link Pooling2D}'s path where oneDNN cannot run. */
final class Pool2DKernel {
    private Pool2DKernel() {
    }

    static void forward(Pooling pooling, INDArray x, Window2D window, INDArray y) {
        ConvolutionOps.pool2d(pooling, x, window, y);
    }

    /** From {@code dy}, the gradient of the output, writes the gradient of the input {@code x}. */
    static void backward(Pooling pooling, INDArray x, INDArray dy, Window2D window, INDArray dx) {
        ConvolutionOps.pool2dBackward(pooling, x, dy, window, dx);
    }
}
