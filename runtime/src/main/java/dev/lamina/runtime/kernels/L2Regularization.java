package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras' L2 regularizer on a layer's kernel: the penalty {@code l2 · Σ kernel²} added to the loss, and
 * its gradient {@code 2 · l2 · kernel}, added to the kernel's. One ND4J op each, allocating nothing
 * the size of the kernel.
 */
public final class L2Regularization {
    private L2Regularization() {
    }

    /** {@code l2 · Σ kernel²}, as Keras' {@code regularizers.L2(l2)} computes it. */
    public static double penalty(INDArray kernel, double l2) {
        return l2 * Nd4j.exec(new SquaredNorm(kernel)).getDouble(0);
    }

    /** Adds the penalty's gradient, {@code 2 · l2 · kernel}, to {@code gradient} (the kernel's shape), in place. */
    public static void addGradient(INDArray kernel, double l2, INDArray gradient) {
        Nd4j.exec(new Axpy(kernel, gradient, gradient, 2 * l2));
    }
}
