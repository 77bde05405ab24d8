package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Window2D;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
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
     * the kernel, of the bias (if {@code bias} is not null) and of the input (not null: a layer
     * whose input needs no gradient uses {@link #backwardWithoutInputGradient}).
     */
    public static void backward(INDArray x, INDArray kernel, INDArray bias, INDArray dz, Window2D window,
                                INDArray kernelGradient, INDArray biasGradient, INDArray inputGradient) {
        ConvolutionOps.conv2dBackward(x, kernel, bias, dz, window, inputGradient, kernelGradient, biasGradient);
    }

    /**
     * The backward pass of a layer whose input needs no gradient (the first layer, fed the data):
     * only the kernel's and the bias's (if {@code biasGradient} is not null). ND4J's conv2d_bp
     * always computes the input's gradient too, and for a first layer of one channel that is most
     * of its time; here the kernel's gradient is a product of the input's patches and {@code dz}
     * per sample, summed over the batch: about 2 ms instead of conv2d_bp's 4 to 5 ms for the
     * reference CNN's first layer on a batch of 64 (bench's ConvolutionLayouts). The caller owns
     * the two work arrays: {@code patches} (batch, in, kernel height, kernel width, height',
     * width') and {@code products} (batch, in * kernel height * kernel width, filters).
     */
    public static void backwardWithoutInputGradient(INDArray x, INDArray dz, Window2D window, INDArray patches,
                                                    INDArray products, INDArray kernelGradient,
                                                    INDArray biasGradient) {
        long batch = dz.size(0);
        long positions = dz.size(1) * dz.size(2);
        long filters = dz.size(3);
        long in = x.size(3);
        ConvolutionOps.im2col(x, window, patches);
        Nd4j.exec(DynamicCustomOp.builder("matmul")
                .addInputs(patches.reshape('c', batch, products.size(1), positions), dz.reshape('c', batch, positions, filters))
                .addOutputs(products)
                .build());
        // The products' rows run over (in, kernel height, kernel width), the kernel's over (height, width, in).
        products.reshape('c', batch, in, window.height(), window.width(), filters)
                .sum(kernelGradient.permute(2, 0, 1, 3), 0);
        if (biasGradient != null) {
            Ones.sumRows(dz.reshape('c', batch * positions, filters), biasGradient);
        }
    }
}
