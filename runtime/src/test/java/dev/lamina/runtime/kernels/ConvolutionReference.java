package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.Window2D;

/**
 * Plain-Java loops for convolution and pooling on channels-last arrays, written from TensorFlow's
 * definitions (SAME padding: total = max((out - 1) * stride + window - in, 0), the smaller half
 * before), to check ND4J's ops against.
 */
final class ConvolutionReference {
    private ConvolutionReference() {
    }

    /** x [b][h][w][c], kernel [kh][kw][c][f], bias [f] or null; returns [b][oh][ow][f]. */
    static double[][][][] conv2d(double[][][][] x, double[][][][] kernel, double[] bias, Window2D window) {
        int batch = x.length;
        int height = x[0].length;
        int width = x[0][0].length;
        int channels = x[0][0][0].length;
        int filters = kernel[0][0][0].length;
        int outHeight = (int) window.outputLength(height, window.height(), window.strideHeight());
        int outWidth = (int) window.outputLength(width, window.width(), window.strideWidth());
        int top = padBefore(window.padding(), height, outHeight, window.height(), window.strideHeight());
        int left = padBefore(window.padding(), width, outWidth, window.width(), window.strideWidth());
        double[][][][] y = new double[batch][outHeight][outWidth][filters];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < outHeight; i++) {
                for (int j = 0; j < outWidth; j++) {
                    for (int f = 0; f < filters; f++) {
                        double sum = bias == null ? 0 : bias[f];
                        for (int di = 0; di < window.height(); di++) {
                            for (int dj = 0; dj < window.width(); dj++) {
                                int r = i * window.strideHeight() + di - top;
                                int c = j * window.strideWidth() + dj - left;
                                if (r < 0 || r >= height || c < 0 || c >= width) {
                                    continue;
                                }
                                for (int ch = 0; ch < channels; ch++) {
                                    sum += x[b][r][c][ch] * kernel[di][dj][ch][f];
                                }
                            }
                        }
                        y[b][i][j][f] = sum;
                    }
                }
            }
        }
        return y;
    }

    /** Max or average over each window's cells inside the image; x [b][h][w][c]. */
    static double[][][][] pool2d(Pooling pooling, double[][][][] x, Window2D window) {
        int batch = x.length;
        int height = x[0].length;
        int width = x[0][0].length;
        int channels = x[0][0][0].length;
        int outHeight = (int) window.outputLength(height, window.height(), window.strideHeight());
        int outWidth = (int) window.outputLength(width, window.width(), window.strideWidth());
        int top = padBefore(window.padding(), height, outHeight, window.height(), window.strideHeight());
        int left = padBefore(window.padding(), width, outWidth, window.width(), window.strideWidth());
        double[][][][] y = new double[batch][outHeight][outWidth][channels];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < outHeight; i++) {
                for (int j = 0; j < outWidth; j++) {
                    for (int ch = 0; ch < channels; ch++) {
                        double max = Double.NEGATIVE_INFINITY;
                        double sum = 0;
                        int count = 0;
                        for (int di = 0; di < window.height(); di++) {
                            for (int dj = 0; dj < window.width(); dj++) {
                                int r = i * window.strideHeight() + di - top;
                                int c = j * window.strideWidth() + dj - left;
                                if (r < 0 || r >= height || c < 0 || c >= width) {
                                    continue;
                                }
                                max = Math.max(max, x[b][r][c][ch]);
                                sum += x[b][r][c][ch];
                                count++;
                            }
                        }
                        y[b][i][j][ch] = pooling == Pooling.MAX ? max : sum / count;
                    }
                }
            }
        }
        return y;
    }

    private static int padBefore(Padding padding, int in, int out, int window, int stride) {
        if (padding == Padding.VALID) {
            return 0;
        }
        return Math.max((out - 1) * stride + window - in, 0) / 2;
    }
}
