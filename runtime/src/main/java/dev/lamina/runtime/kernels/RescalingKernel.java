package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Keras' Rescaling: {@code x * scale + offset}, in training and inference alike. */
public final class RescalingKernel {
    private RescalingKernel() {
    }

    /** Writes {@code x * scale + offset} into {@code y}. */
    public static void forward(INDArray x, double scale, double offset, INDArray y) {
        y.assign(x).muli(scale).addi(offset);
    }

    /** The input's gradient: the output's times {@code scale}. */
    public static void backward(double scale, INDArray dy, INDArray dx) {
        dx.assign(dy).muli(scale);
    }
}
