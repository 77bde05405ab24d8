package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moves whole pixels of a batch of (height, width, channels) images: output pixel (h, w) of image n
 * is input pixel (rows[n][h], columns[n][w]), or zero where either is -1. The random image layers'
 * forward passes, and their backward passes as its transpose (each input pixel gains the gradients
 * of the output pixels taken from it).
 */
final class PixelMap {
    private PixelMap() {
    }

    static void forward(INDArray x, int[][] rows, int[][] columns, INDArray y) {
        double[] in = x.dup('c').data().asDouble();
        double[] out = new double[in.length];
        int channels = (int) x.size(3);
        eachMove(x.shape(), rows, columns, (to, from) -> System.arraycopy(in, from, out, to, channels));
        y.assign(Nd4j.create(out, x.shape(), 'c').castTo(y.dataType()));
    }

    static void backward(int[][] rows, int[][] columns, INDArray dy, INDArray dx) {
        double[] out = dy.dup('c').data().asDouble();
        double[] in = new double[out.length];
        int channels = (int) dy.size(3);
        eachMove(dy.shape(), rows, columns, (to, from) -> {
            for (int k = 0; k < channels; k++) {
                in[from + k] += out[to + k];
            }
        });
        dx.assign(Nd4j.create(in, dy.shape(), 'c').castTo(dx.dataType()));
    }

    /** One pixel's move: the offsets of its channels in the output and in the input, row-major. */
    @FunctionalInterface
    private interface Move {
        void apply(int to, int from);
    }

    /**
     * Every move of the map over a batch of {@code shape} (batch, height, width, channels), skipping the
     * output pixels that take from outside the image (a -1): the one rule that forward and its
     * transpose, backward, share.
     */
    private static void eachMove(long[] shape, int[][] rows, int[][] columns, Move move) {
        int batch = (int) shape[0];
        int height = (int) shape[1];
        int width = (int) shape[2];
        int channels = (int) shape[3];
        for (int n = 0; n < batch; n++) {
            int image = n * height * width * channels;
            for (int h = 0; h < height; h++) {
                int r = rows[n][h];
                for (int w = 0; w < width; w++) {
                    int c = columns[n][w];
                    if (r >= 0 && c >= 0) {
                        move.apply(image + (h * width + w) * channels, image + (r * width + c) * channels);
                    }
                }
            }
        }
    }

    /** The draws of the last training batch, one row per image, as ints. */
    static int[][] draws(INDArray draws) {
        int batch = (int) draws.size(0);
        int[][] values = new int[batch][];
        for (int n = 0; n < batch; n++) {
            values[n] = new int[(int) draws.size(1)];
            for (int i = 0; i < values[n].length; i++) {
                values[n][i] = (int) Math.round(draws.getDouble(n, i));
            }
        }
        return values;
    }
}
