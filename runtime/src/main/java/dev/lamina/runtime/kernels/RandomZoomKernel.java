package dev.lamina.runtime.kernels;

import dev.lamina.dsl.FillMode;
import dev.lamina.dsl.Interpolation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Keras' RandomZoom on (batch, height, width, channels): while training each image's height is
 * zoomed by 1 + u · heightFactor and its width by 1 + v · widthFactor, u and v uniform in [-1, 1], or
 * by the height's zoom when widthFactor is NaN (Keras' width_factor=None); a zoom above 1 shows more
 * of the image, smaller. The points are read as {@link AffineSampling} does; inference passes inputs
 * through. The zooms of the last training batch are kept, one row (height, width) per image, for the
 * backward pass.
 */
public final class RandomZoomKernel {
    private RandomZoomKernel() {
    }

    /**
     * Writes the zoomed {@code x} into {@code y}, drawing each image's zooms in turn (the height's,
     * then the width's unless it follows the height) into {@code draws} (batch, 2) from {@code random};
     * copies {@code x} when not training.
     */
    public static void forward(INDArray x, double heightFactor, double widthFactor, FillMode fill,
                               Interpolation interpolation, boolean training, Random random, INDArray draws, INDArray y) {
        if (!training) {
            y.assign(x);
            return;
        }
        for (long n = 0; n < x.size(0); n++) {
            double heightZoom = 1 + (random.nextDouble() * 2 - 1) * heightFactor;
            double widthZoom = Double.isNaN(widthFactor) ? heightZoom : 1 + (random.nextDouble() * 2 - 1) * widthFactor;
            draws.putScalar(new long[] {n, 0}, heightZoom);
            draws.putScalar(new long[] {n, 1}, widthZoom);
        }
        forward(x, draws, fill, interpolation, y);
    }

    /** Writes {@code x} zoomed by the factors in {@code draws} into {@code y}. */
    public static void forward(INDArray x, INDArray draws, FillMode fill, Interpolation interpolation, INDArray y) {
        AffineSampling.forward(x, transforms(draws, x.size(1), x.size(2)), fill, interpolation, y);
    }

    /** The input's gradient: the output's, carried back along the reads of the last training forward pass. */
    public static void backward(INDArray draws, FillMode fill, Interpolation interpolation, INDArray dy, INDArray dx) {
        AffineSampling.backward(transforms(draws, dy.size(1), dy.size(2)), fill, interpolation, dy, dx);
    }

    /** Keras' zoom matrix: output point p reads the input at zoom · (p - centre) + centre, per axis. */
    private static AffineSampling.Transform[] transforms(INDArray draws, long height, long width) {
        AffineSampling.Transform[] transforms = new AffineSampling.Transform[(int) draws.size(0)];
        for (int n = 0; n < transforms.length; n++) {
            double heightZoom = draws.getDouble(n, 0);
            double widthZoom = draws.getDouble(n, 1);
            transforms[n] = new AffineSampling.Transform(widthZoom, 0, (width - 1) / 2.0 * (1 - widthZoom),
                    0, heightZoom, (height - 1) / 2.0 * (1 - heightZoom));
        }
        return transforms;
    }
}
