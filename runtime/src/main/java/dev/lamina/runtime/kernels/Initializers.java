package dev.lamina.runtime.kernels;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Parameter initialisers, as Keras defines them. Random numbers are drawn in Java from a seeded
 * generator, so a seed gives the same weights on every backend.
 */
public final class Initializers {
    private Initializers() {
    }

    /**
     * Glorot (Xavier) uniform: U(-limit, limit) with limit = sqrt(6 / (fanIn + fanOut)), Keras'
     * default for Dense and Conv2D kernels.
     */
    public static INDArray glorotUniform(SplittableRandom random, DataType dataType, long fanIn, long fanOut,
                                         long... shape) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        long length = 1;
        for (long d : shape) {
            length *= d;
        }
        double[] values = new double[Math.toIntExact(length)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (random.nextDouble() * 2 - 1) * limit;
        }
        return Nd4j.createFromArray(values).castTo(dataType).reshape('c', shape);
    }

    /** Zeros, Keras' default for biases. */
    public static INDArray zeros(DataType dataType, long... shape) {
        return Nd4j.zeros(dataType, shape);
    }
}
