package dev.lamina.runtime.kernels;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * {@link BatchNormKernel}'s passes as Java loops over float32 arrays in host memory, each seen as
 * (rows, channels) with a row's channels side by side. Why: ND4J reduces such an array along its
 * rows slowly and makes a temporary array per op; these loops read the input once or twice and make
 * none. A pass copies blocks of whole rows out of the memory, at most {@link HostMemory#CHUNK}
 * values, so the inner loops run over the channels and the JIT vectorizes them.
 */
final class HostBatchNorm {
    /** Per thread and reused: two blocks, for the two arrays a pass reads. */
    private static final ThreadLocal<float[][]> BLOCKS =
            ThreadLocal.withInitial(() -> new float[][] {new float[HostMemory.CHUNK], new float[HostMemory.CHUNK]});

    private HostBatchNorm() {
    }

    /**
     * The mean and the biased variance of each of {@code x}'s columns in one pass over the memory:
     * each block's mean, then its squared deviations from that mean while the block is in the cache
     * (no cancellation, unlike sums of squares), merged into the running totals by Chan et al.'s
     * formula for the variance of a union of two sets, in double.
     */
    static void moments(FloatBuffer x, int rows, int channels, float[] mean, float[] variance) {
        float[] block = blocks(channels)[0];
        int blockRows = blockRows(channels);
        double[] runningMean = new double[channels];
        double[] runningSquares = new double[channels];
        float[] blockMean = new float[channels];
        float[] blockSquares = new float[channels];
        for (int first = 0; first < rows; first += blockRows) {
            int count = Math.min(blockRows, rows - first);
            int length = count * channels;
            x.get(first * channels, block, 0, length);
            Arrays.fill(blockMean, 0f);
            for (int row = 0; row < length; row += channels) {
                for (int c = 0; c < channels; c++) {
                    blockMean[c] += block[row + c];
                }
            }
            for (int c = 0; c < channels; c++) {
                blockMean[c] /= count;
            }
            Arrays.fill(blockSquares, 0f);
            for (int row = 0; row < length; row += channels) {
                for (int c = 0; c < channels; c++) {
                    float deviation = block[row + c] - blockMean[c];
                    blockSquares[c] += deviation * deviation;
                }
            }
            // Sets of first and count values merge: mean moves by delta * count / total, and the
            // squared deviations gain delta^2 * first * count / total.
            double total = first + count;
            for (int c = 0; c < channels; c++) {
                double delta = blockMean[c] - runningMean[c];
                runningMean[c] += delta * count / total;
                runningSquares[c] += blockSquares[c] + delta * delta * first * count / total;
            }
        }
        for (int c = 0; c < channels; c++) {
            mean[c] = (float) runningMean[c];
            variance[c] = (float) (runningSquares[c] / rows);
        }
    }

    /** {@code y = x * scale + shift}, per column. {@code x} and {@code y} may be one array. */
    static void scaleAndShift(FloatBuffer x, FloatBuffer y, int rows, int channels, float[] scale, float[] shift) {
        float[] block = blocks(channels)[0];
        int blockRows = blockRows(channels);
        for (int first = 0; first < rows; first += blockRows) {
            int length = Math.min(blockRows, rows - first) * channels;
            x.get(first * channels, block, 0, length);
            for (int row = 0; row < length; row += channels) {
                for (int c = 0; c < channels; c++) {
                    block[row + c] = block[row + c] * scale[c] + shift[c];
                }
            }
            y.put(first * channels, block, 0, length);
        }
    }

    /**
     * The column sums of {@code dy} into {@code sumDy} and of {@code dy * (x - mean)} into
     * {@code sumDyCentered}: what beta's and gamma's gradients and the input's need, in one pass.
     */
    static void gradientSums(FloatBuffer x, FloatBuffer dy, int rows, int channels, float[] mean, float[] sumDy,
                             float[] sumDyCentered) {
        float[][] blocks = blocks(channels);
        float[] xBlock = blocks[0];
        float[] dyBlock = blocks[1];
        int blockRows = blockRows(channels);
        double[] totalDy = new double[channels];
        double[] totalDyCentered = new double[channels];
        float[] partialDy = new float[channels];
        float[] partialDyCentered = new float[channels];
        for (int first = 0; first < rows; first += blockRows) {
            int length = Math.min(blockRows, rows - first) * channels;
            x.get(first * channels, xBlock, 0, length);
            dy.get(first * channels, dyBlock, 0, length);
            Arrays.fill(partialDy, 0f);
            Arrays.fill(partialDyCentered, 0f);
            for (int row = 0; row < length; row += channels) {
                for (int c = 0; c < channels; c++) {
                    float g = dyBlock[row + c];
                    partialDy[c] += g;
                    partialDyCentered[c] += g * (xBlock[row + c] - mean[c]);
                }
            }
            for (int c = 0; c < channels; c++) {
                totalDy[c] += partialDy[c];
                totalDyCentered[c] += partialDyCentered[c];
            }
        }
        for (int c = 0; c < channels; c++) {
            sumDy[c] = (float) totalDy[c];
            sumDyCentered[c] = (float) totalDyCentered[c];
        }
    }

    /** {@code dx = dy * a + x * b + c}, per column. {@code dx} may be {@code dy}. */
    static void combine(FloatBuffer x, FloatBuffer dy, FloatBuffer dx, int rows, int channels, float[] a, float[] b,
                        float[] c) {
        float[][] blocks = blocks(channels);
        float[] xBlock = blocks[0];
        float[] dyBlock = blocks[1];
        int blockRows = blockRows(channels);
        for (int first = 0; first < rows; first += blockRows) {
            int length = Math.min(blockRows, rows - first) * channels;
            x.get(first * channels, xBlock, 0, length);
            dy.get(first * channels, dyBlock, 0, length);
            for (int row = 0; row < length; row += channels) {
                for (int k = 0; k < channels; k++) {
                    dyBlock[row + k] = dyBlock[row + k] * a[k] + xBlock[row + k] * b[k] + c[k];
                }
            }
            dx.put(first * channels, dyBlock, 0, length);
        }
    }

    private static int blockRows(int channels) {
        return Math.max(1, HostMemory.CHUNK / channels);
    }

    /** The thread's blocks, or new ones where a row is longer than a chunk. */
    private static float[][] blocks(int channels) {
        return channels <= HostMemory.CHUNK ? BLOCKS.get() : new float[][] {new float[channels], new float[channels]};
    }
}
