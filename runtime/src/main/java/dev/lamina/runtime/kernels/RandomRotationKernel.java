package dev.lamina.runtime.kernels;

import dev.lamina.dsl.FillMode;
import dev.lamina.dsl.Interpolation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Keras' RandomRotation on (batch, height, width, channels): while training each image is rotated
 * about its centre by u · factor · 2π, u uniform in [-1, 1] (positive is counter-clockwise), reading
 * the rotated points as {@link AffineSampling} does; inference passes inputs through. The angles of
 * the last training batch, in radians, are kept, one per image, for the backward pass.
 */
public final class RandomRotationKernel {
    private RandomRotationKernel() {
    }

    /**
     * Writes the rotated {@code x} into {@code y}, drawing each image's angle in turn into
     * {@code draws} (batch, 1) from {@code random}; copies {@code x} when not training.
     */
    public static void forward(INDArray x, double factor, FillMode fill, Interpolation interpolation, boolean training,
                               Random random, INDArray draws, INDArray y) {
        if (!training) {
            y.assign(x);
            return;
        }
        for (long n = 0; n < x.size(0); n++) {
            draws.putScalar(new long[] {n, 0}, (random.nextDouble() * 2 - 1) * factor * 2 * Math.PI);
        }
        forward(x, draws, fill, interpolation, y);
    }

    /** Writes {@code x} rotated by the angles in {@code draws} into {@code y}. */
    public static void forward(INDArray x, INDArray draws, FillMode fill, Interpolation interpolation, INDArray y) {
        AffineSampling.forward(x, transforms(draws, x.size(1), x.size(2)), fill, interpolation, y);
    }

    /** The input's gradient: the output's, carried back along the reads of the last training forward pass. */
    public static void backward(INDArray draws, FillMode fill, Interpolation interpolation, INDArray dy, INDArray dx) {
        AffineSampling.backward(transforms(draws, dy.size(1), dy.size(2)), fill, interpolation, dy, dx);
    }

    /**
     * Keras' rotation matrix: output point p reads the input at R(angle)(p - centre) + centre, the
     * centre being ((width - 1) / 2, (height - 1) / 2).
     */
    private static AffineSampling.Transform[] transforms(INDArray draws, long height, long width) {
        AffineSampling.Transform[] transforms = new AffineSampling.Transform[(int) draws.size(0)];
        double w = width - 1;
        double h = height - 1;
        for (int n = 0; n < transforms.length; n++) {
            double angle = draws.getDouble(n, 0);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double xOffset = (w - (cos * w - sin * h)) / 2;
            double yOffset = (h - (sin * w + cos * h)) / 2;
            transforms[n] = new AffineSampling.Transform(cos, -sin, xOffset, sin, cos, yOffset);
        }
        return transforms;
    }
}
