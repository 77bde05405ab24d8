package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Initializer;
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

    /** A new array of {@code shape} as {@code initializer} starts it, drawing from {@code random} if it is random. */
    public static INDArray create(Initializer initializer, SplittableRandom random, DataType dataType, long... shape) {
        return switch (initializer) {
            case GLOROT_UNIFORM -> glorotUniform(random, dataType, shape);
            case ZEROS -> zeros(dataType, shape);
            case ONES -> Nd4j.ones(dataType, shape);
        };
    }

    /**
     * Glorot (Xavier) uniform, Keras' default for Dense and Conv2D kernels: U(-limit, limit) with
     * limit = sqrt(6 / (fanIn + fanOut)). The fans follow Keras from the kernel's shape: (in, out) for
     * a Dense kernel; for a convolution kernel (..., in, out), both times the window's size.
     */
    public static INDArray glorotUniform(SplittableRandom random, DataType dataType, long... shape) {
        long receptiveField = 1;
        for (int i = 0; i < shape.length - 2; i++) {
            receptiveField *= shape[i];
        }
        long fanIn = shape[shape.length - 2] * receptiveField;
        long fanOut = shape[shape.length - 1] * receptiveField;
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        double[] values = new double[Math.toIntExact(fanIn * shape[shape.length - 1])];
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
