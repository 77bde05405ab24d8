package dev.lamina.runtime.kernels;

import dev.lamina.dsl.FillMode;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Keras' RandomTranslation on (batch, height, width, channels), by whole pixels: while training each
 * image is shifted down by round(u · height · heightFactor) rows and right by round(v · width ·
 * widthFactor) columns, u and v uniform in [-1, 1] (a negative shift goes up or left), and the
 * pixels shifted in are read beyond the edge as the fill mode says ({@link ImageEdges}).
 * Inference passes inputs through. The shifts of the last training batch are kept, one row (rows,
 * columns) per image, for the backward pass.
 */
public final class RandomTranslationKernel {
    private RandomTranslationKernel() {
    }

    /**
     * Writes the shifted {@code x} into {@code y}, drawing the shifts into {@code draws} (batch, 2)
     * from {@code random}: first the rows, then the columns of each image in turn; copies {@code x}
     * when not training.
     */
    public static void forward(INDArray x, double heightFactor, double widthFactor, FillMode fill, boolean training,
                               Random random, INDArray draws, INDArray y) {
        if (!training) {
            y.assign(x);
            return;
        }
        for (long n = 0; n < x.size(0); n++) {
            draws.putScalar(new long[] {n, 0}, shift(random, heightFactor, x.size(1)));
            draws.putScalar(new long[] {n, 1}, shift(random, widthFactor, x.size(2)));
        }
        forward(x, draws, fill, y);
    }

    /** Writes {@code x} shifted as {@code draws} say into {@code y}. */
    public static void forward(INDArray x, INDArray draws, FillMode fill, INDArray y) {
        int[][] shifts = PixelMap.draws(draws);
        PixelMap.forward(x, sources(shifts, (int) x.size(1), 0, fill), sources(shifts, (int) x.size(2), 1, fill), y);
    }

    /** The input's gradient: the output's, shifted back, each input pixel gaining that of every output pixel it filled. */
    public static void backward(INDArray draws, FillMode fill, INDArray dy, INDArray dx) {
        int[][] shifts = PixelMap.draws(draws);
        PixelMap.backward(sources(shifts, (int) dy.size(1), 0, fill), sources(shifts, (int) dy.size(2), 1, fill),
                dy, dx);
    }

    private static long shift(Random random, double factor, long size) {
        return Math.round((random.nextDouble() * 2 - 1) * factor * size);
    }

    private static int[][] sources(int[][] shifts, int size, int axis, FillMode fill) {
        int[][] sources = new int[shifts.length][size];
        for (int n = 0; n < shifts.length; n++) {
            for (int i = 0; i < size; i++) {
                sources[n][i] = ImageEdges.source(i - shifts[n][axis], size, fill);
            }
        }
        return sources;
    }
}
