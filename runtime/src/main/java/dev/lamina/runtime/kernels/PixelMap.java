package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Moves whole pixels of a batch of (height, width, channels) images: output pixel (h, w) of image n
 * is input pixel (rows[n][h], columns[n][w]), or zero where either is -1. The random image layers'
 * forward passes, and their backward passes as its transpose (each input pixel gains the gradients
 * of the output pixels taken from it), as {@link ImageReads} takes every map's.
 */
final class PixelMap {
    private PixelMap() {
    }

    static void forward(INDArray x, int[][] rows, int[][] columns, INDArray y) {
        ImageReads.forward(x, read -> eachMove(x.shape(), rows, columns, read), y);
    }

    static void backward(int[][] rows, int[][] columns, INDArray dy, INDArray dx) {
        ImageReads.backward(read -> eachMove(dy.shape(), rows, columns, read), dy, dx);
    }

    /**
     * Every move of the map over a batch of {@code shape} (batch, height, width, channels), skipping the
     * output pixels that take from outside the image (a -1): the one rule that forward and its
     * transpose, backward, share.
     */
    private static void eachMove(long[] shape, int[][] rows, int[][] columns, ImageReads.Read read) {
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
                        read.apply(image + (h * width + w) * channels, image + (r * width + c) * channels, 1);
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
