package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.Window2D;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's convolution and pooling ops, called with Lamina's conventions: activations channels-last
 * (batch, height, width, channels) as in Keras, convolution kernels (height, width, in, out). The
 * one place that knows the ops' names and the order of their integer arguments
 * (libnd4j's {@code conv2d}, {@code conv2d_bp}, {@code maxpool2d}, {@code avgpool2d} and their
 * {@code _bp}).
 */
public final class ConvolutionOps {
    /** libnd4j's data format flag: 0 is NCHW, 1 NHWC. */
    private static final int NHWC = 1;
    /** libnd4j's weights format: 0 is YXIO, (kernel height, kernel width, in, out), Keras' layout. */
    private static final int WEIGHTS_YXIO = 0;
    /** avgpool2d's divisor mode: 0 averages over the cells inside the image, as Keras (TensorFlow) does. */
    private static final int AVERAGE_EXCLUDES_PADDING = 0;

    private ConvolutionOps() {
    }

    /** {@code output = conv2d(input, kernel) + bias}; {@code bias} may be null. */
    public static void conv2d(INDArray input, INDArray kernel, INDArray bias, Window2D window, INDArray output) {
        Nd4j.exec(conv2dOp(input, kernel, bias, window).addOutputs(output).build());
    }

    /** The output shape ND4J computes for {@link #conv2d}, (batch, height, width, filters). */
    public static long[] conv2dShape(INDArray input, INDArray kernel, Window2D window) {
        return Nd4j.getExecutioner().calculateOutputShape(conv2dOp(input, kernel, null, window).build()).get(0).getShape();
    }

    private static DynamicCustomOp.DynamicCustomOpsBuilder conv2dOp(INDArray input, INDArray kernel, INDArray bias,
                                                                     Window2D window) {
        return DynamicCustomOp.builder("conv2d")
                .addInputs(bias == null ? new INDArray[] {input, kernel} : new INDArray[] {input, kernel, bias})
                .addIntegerArguments(convolutionArguments(window));
    }

    /**
     * From {@code outputGradient}, the gradient of conv2d's output, writes the gradients of the
     * input, the kernel and (if {@code bias} is not null) the bias.
     */
    public static void conv2dBackward(INDArray input, INDArray kernel, INDArray bias, INDArray outputGradient,
                                      Window2D window, INDArray inputGradient, INDArray kernelGradient,
                                      INDArray biasGradient) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d_bp");
        if (bias == null) {
            op.addInputs(input, kernel, outputGradient).addOutputs(inputGradient, kernelGradient);
        } else {
            op.addInputs(input, kernel, bias, outputGradient).addOutputs(inputGradient, kernelGradient, biasGradient);
        }
        Nd4j.exec(op.addIntegerArguments(convolutionArguments(window)).build());
    }

    /** Max or average pooling of {@code input} into {@code output}. */
    public static void pool2d(Pooling pooling, INDArray input, Window2D window, INDArray output) {
        Nd4j.exec(pool2dOp(pooling, input, window).addOutputs(output).build());
    }

    /** The output shape ND4J computes for {@link #pool2d}, (batch, height, width, channels). */
    public static long[] pool2dShape(Pooling pooling, INDArray input, Window2D window) {
        return Nd4j.getExecutioner().calculateOutputShape(pool2dOp(pooling, input, window).build()).get(0).getShape();
    }

    private static DynamicCustomOp.DynamicCustomOpsBuilder pool2dOp(Pooling pooling, INDArray input, Window2D window) {
        return DynamicCustomOp.builder(opName(pooling)).addInputs(input).addIntegerArguments(poolingArguments(window));
    }

    /** The gradient of the pooling's input from the gradient of its output. */
    public static void pool2dBackward(Pooling pooling, INDArray input, INDArray outputGradient, Window2D window,
                                      INDArray inputGradient) {
        Nd4j.exec(DynamicCustomOp.builder(opName(pooling) + "_bp")
                .addInputs(input, outputGradient)
                .addOutputs(inputGradient)
                .addIntegerArguments(poolingArguments(window))
                .build());
    }

    private static String opName(Pooling pooling) {
        return pooling == Pooling.MAX ? "maxpool2d" : "avgpool2d";
    }

    /** kH, kW, sH, sW, pH, pW, dH, dW, same mode, data format, weights format. */
    private static int[] convolutionArguments(Window2D w) {
        return new int[] {w.height(), w.width(), w.strideHeight(), w.strideWidth(), 0, 0, 1, 1,
                sameMode(w), NHWC, WEIGHTS_YXIO};
    }

    /** kH, kW, sH, sW, pH, pW, dH, dW, same mode, divisor mode (average) or unused (max), NHWC flag. */
    private static int[] poolingArguments(Window2D w) {
        return new int[] {w.height(), w.width(), w.strideHeight(), w.strideWidth(), 0, 0, 1, 1,
                sameMode(w), AVERAGE_EXCLUDES_PADDING, NHWC};
    }

    /** With padding given as 0, libnd4j computes SAME padding itself, as TensorFlow does. */
    private static int sameMode(Window2D w) {
        return w.padding() == Padding.SAME ? 1 : 0;
    }
}
