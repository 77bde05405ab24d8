package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fully connected layer on a batch: {@code y = activation(x · kernel + bias)}, with x (batch, in),
 * kernel (in, units), bias (units) and y (batch, units). Outputs go into arrays the caller owns.
 */
public final class DenseKernel {
    private DenseKernel() {
    }

    /**
     * Writes {@code activation(x · kernel + bias)} into {@code y}; {@code bias} may be null. A
     * request's rows in an inference pass are one oneDNN primitive ({@link OneDnnDense}); a training
     * batch's are the product (ND4J's gemm, or a Java loop for a few rows of little work,
     * {@link SmallDenseProduct}), then the bias and activation in one pass ({@link BiasActivation}):
     * libnd4j's fused {@code xw_plus_b} lost to it when timed (docs/performance.md), and its
     * {@code relu_layer} refuses any dimension of size 1. Training keeps the gemm, whose sums differ
     * from oneDNN's in their last bits, so that the training figures quoted stay what they were.
     */
    public static void forward(INDArray x, INDArray kernel, INDArray bias, Activation activation, INDArray y,
                               boolean training) {
        if (!training && OneDnnDense.takes(x, kernel, bias, y)) {
            OneDnnDense.forward(x, kernel, bias, activation, y);
            return;
        }
        if (SmallDenseProduct.takes(x, kernel, y)) {
            SmallDenseProduct.forward(x, kernel, y);
        } else {
            KeptOps.matmul(x, kernel, y, false, false);
        }
        BiasActivation.apply(y, bias, activation);
    }

    /**
     * From {@code dz}, the loss gradient with respect to the layer's pre-activation (batch, units),
     * writes the gradients of the kernel, of the bias (if not null) and of the input (if not null:
     * the first layer's input is data and needs none). A narrow layer's products run in Java
     * ({@link NarrowDenseGradients}), the others' are ND4J's gemm.
     */
    public static void backward(INDArray x, INDArray kernel, INDArray dz,
                                INDArray kernelGradient, INDArray biasGradient, INDArray inputGradient) {
        boolean narrow = NarrowDenseGradients.takes(x, kernel, dz, kernelGradient, inputGradient);
        if (narrow) {
            NarrowDenseGradients.kernelGradient(x, dz, kernelGradient);
        } else {
            KeptOps.matmul(x, dz, kernelGradient, true, false);
        }
        if (biasGradient != null) {
            ColumnSums.of(dz, biasGradient);
        }
        if (inputGradient != null && narrow) {
            NarrowDenseGradients.inputGradient(dz, kernel, inputGradient);
        } else if (inputGradient != null) {
            KeptOps.matmul(dz, kernel, inputGradient, false, true);
        }
    }
}
