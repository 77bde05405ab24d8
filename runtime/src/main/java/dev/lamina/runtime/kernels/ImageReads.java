package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The random image layers' maps as weighted reads: each output pixel of a batch of (height, width,
 * channels) images is a weighted sum of input pixels, every channel alike. The forward pass adds the
 * reads up; the backward pass, the map being linear, is its transpose: each input pixel gains the
 * output gradients of the reads made of it, times their weights. The layers differ only in their reads
 * ({@link PixelMap}'s whole pixels, {@link AffineSampling}'s interpolated points).
 */
final class ImageReads {
    private ImageReads() {
    }

    /** One read: the output pixel at offset {@code to} takes {@code weight} times the input pixel at {@code from}. */
    @FunctionalInterface
    interface Read {
        void apply(int to, int from, double weight);
    }

    /** Every read of a map over a batch, in channel-0 offsets of the row-major (batch, height, width, channels) arrays. */
    @FunctionalInterface
    interface Reads {
        void each(Read read);
    }

    static void forward(INDArray x, Reads reads, INDArray y) {
        double[] in = x.dup('c').data().asDouble();
        double[] out = new double[in.length];
        int channels = (int) x.size(3);
        reads.each((to, from, weight) -> {
            for (int k = 0; k < channels; k++) {
                out[to + k] += weight * in[from + k];
            }
        });
        y.assign(Nd4j.create(out, x.shape(), 'c').castTo(y.dataType()));
    }

    static void backward(Reads reads, INDArray dy, INDArray dx) {
        double[] out = dy.dup('c').data().asDouble();
        double[] in = new double[out.length];
        int channels = (int) dy.size(3);
        reads.each((to, from, weight) -> {
            for (int k = 0; k < channels; k++) {
                in[from + k] += weight * out[to + k];
            }
        });
        dx.assign(Nd4j.create(in, dy.shape(), 'c').castTo(dx.dataType()));
    }
}
