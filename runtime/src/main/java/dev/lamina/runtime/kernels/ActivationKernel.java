package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A layer that is an activation alone (ReLU): its output is {@code activation(x)}, into an array of its own. */
public final class ActivationKernel {
    private ActivationKernel() {
    }

    /** Writes {@code activation(x)} into {@code y}, of x's shape. */
    public static void forward(Activation activation, INDArray x, INDArray y) {
        y.assign(x);
        Activations.forward(activation, y);
    }

    /** From the output {@code y} and its gradient {@code dy}, writes the input's gradient into {@code dx}. */
    public static void backward(Activation activation, INDArray y, INDArray dy, INDArray dx) {
        dx.assign(dy);
        Activations.backward(activation, y, dx);
    }
}
