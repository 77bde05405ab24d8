package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Keras' RandomTranslation on (batch, height, width, channels), by whole pixels: while training each
 * image is shifted down by round(u · height · heightFactor) rows and right by round(v · width ·
 * widthFactor) columns, u and v uniform in [-1, 1] (a negative shift goes up or left), and the
 * pixels shifted in are the image reflected about its edge (Keras' "reflect") or zeros ("constant").
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
    public static void forward(INDArray x, double heightFactor, double widthFactor, boolean reflect, boolean training,
                               Random random, INDArray draws, INDArray y) {
        if (!training) {
            y.assign(x);
            return;
        }
        for (long n = 0; n < x.size(0); n++) {
            draws.putScalar(new long[] {n, 0}, shift(random, heightFactor, x.size(1)));
            draws.putScalar(new long[] {n, 1}, shift(random, widthFactor, x.size(2)));
        }
        forward(x, draws, reflect, y);
    }

    /** Writes {@code x} shifted as {@code draws} say into {@code y}. */
    public static void forward(INDArray x, INDArray draws, boolean reflect, INDArray y) {
        int[][] shifts = PixelMap.draws(draws);
        PixelMap.forward(x, sources(shifts, (int) x.size(1), 0, reflect), sources(shifts, (int) x.size(2), 1, reflect), y);
    }

    /** The input's gradient: the output's, shifted back, each input pixel gaining that of every output pixel it filled. */
    public static void backward(INDArray draws, boolean reflect, INDArray dy, INDArray dx) {
        int[][] shifts = PixelMap.draws(draws);
        PixelMap.backward(sources(shifts, (int) dy.size(1), 0, reflect), sources(shifts, (int) dy.size(2), 1, reflect),
                dy, dx);
    }

    private static long shift(Random random, double factor, long size) {
        return Math.round((random.nextDouble() * 2 - 1) * factor * size);
    }

    private static int[][] sources(int[][] shifts, int size, int axis, boolean reflect) {
        int[][] sources = new int[shifts.length][size];
        for (int n = 0; n < shifts.length; n++) {
            for (int i = 0; i < size; i++) {
                sources[n][i] = source(i - shifts[n][axis], size, reflect);
            }
        }
        return sources;
    }

    /** The input index output index i takes, before the shift: reflected about the edges (d c b a | a b c d | d c b a), or -1 outside. */
    static int source(int i, int size, boolean reflect) {
        if (i >= 0 && i < size) {
            return i;
        }
        if (!reflect) {
            return -1;
        }
        int period = 2 * size;
        int j = Math.floorMod(i, period);
        return j < size ? j : period - 1 - j;
    }
}
