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
        long[] s = x.shape();
        int batch = (int) s[0];
        int height = (int) s[1];
        int width = (int) s[2];
        int channels = (int) s[3];
        double[] in = x.dup('c').data().asDouble();
        double[] out = new double[in.length];
        for (int n = 0; n < batch; n++) {
            int image = n * height * width * channels;
            for (int h = 0; h < height; h++) {
                int r = rows[n][h];
                for (int w = 0; w < width; w++) {
                    int c = columns[n][w];
                    if (r < 0 || c < 0) {
                        continue;
                    }
                    System.arraycopy(in, image + (r * width + c) * channels, out, image + (h * width + w) * channels,
                            channels);
                }
            }
        }
        y.assign(Nd4j.create(out, s, 'c').castTo(y.dataType()));
    }

    static void backward(int[][] rows, int[][] columns, INDArray dy, INDArray dx) {
        long[] s = dy.shape();
        int batch = (int) s[0];
        int height = (int) s[1];
        int width = (int) s[2];
        int channels = (int) s[3];
        double[] out = dy.dup('c').data().asDouble();
        double[] in = new double[out.length];
        for (int n = 0; n < batch; n++) {
            int image = n * height * width * channels;
            for (int h = 0; h < height; h++) {
                int r = rows[n][h];
                for (int w = 0; w < width; w++) {
                    int c = columns[n][w];
                    if (r < 0 || c < 0) {
                        continue;
                    }
                    int from = image + (h * width + w) * channels;
                    int to = image + (r * width + c) * channels;
                    for (int k = 0; k < channels; k++) {
                        in[to + k] += out[from + k];
                    }
                }
            }
        }
        dx.assign(Nd4j.create(in, s, 'c').castTo(dx.dataType()));
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
