package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Keras' RandomFlip on (batch, height, width, channels): while training each image is flipped top
 * to bottom (vertical) and left to right (horizontal), each with probability 1/2 where the mode
 * allows it; inference passes inputs through. The draws of the last training batch are kept, one
 * row (vertical, horizontal) of 0 or 1 per image, for the backward pass.
 */
public final class RandomFlipKernel {
    private RandomFlipKernel() {
    }

    /**
     * Writes the flipped {@code x} into {@code y}, drawing the flips into {@code draws} (batch, 2)
     * from {@code random}: first the vertical, then the horizontal flip of each image in turn, each
     * only if its axis is flipped; copies {@code x} when not training.
     */
    public static void forward(INDArray x, boolean horizontal, boolean vertical, boolean training, Random random,
                               INDArray draws, INDArray y) {
        if (!training) {
            y.assign(x);
            return;
        }
        for (long n = 0; n < x.size(0); n++) {
            draws.putScalar(new long[] {n, 0}, vertical && random.nextDouble() < 0.5 ? 1 : 0);
            draws.putScalar(new long[] {n, 1}, horizontal && random.nextDouble() < 0.5 ? 1 : 0);
        }
        forward(x, draws, y);
    }

    /** Writes {@code x} flipped as {@code draws} say into {@code y}. */
    public static void forward(INDArray x, INDArray draws, INDArray y) {
        int[][] flips = PixelMap.draws(draws);
        PixelMap.forward(x, rows(flips, (int) x.size(1), 0), rows(flips, (int) x.size(2), 1), y);
    }

    /** The input's gradient: the output's, flipped back as the last training forward pass flipped. */
    public static void backward(INDArray draws, INDArray dy, INDArray dx) {
        int[][] flips = PixelMap.draws(draws);
        PixelMap.backward(rows(flips, (int) dy.size(1), 0), rows(flips, (int) dy.size(2), 1), dy, dx);
    }

    private static int[][] rows(int[][] flips, int size, int axis) {
        int[][] rows = new int[flips.length][size];
        for (int n = 0; n < flips.length; n++) {
            for (int i = 0; i < size; i++) {
                rows[n][i] = flips[n][axis] == 1 ? size - 1 - i : i;
            }
        }
        return rows;
    }
}
