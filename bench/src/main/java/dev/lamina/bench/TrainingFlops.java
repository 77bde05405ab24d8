package dev.lamina.bench;

import java.util.List;

/**
 * The floating-point operations of training one sample, counted from the layers' sizes: a
 * multiply-add is 2 FLOPs; each Dense or Conv2D costs its forward product, the same again for its
 * weight gradient, and the same again for its input gradient except in the first trainable layer,
 * whose input gradient Lamina never computes. Activations, pooling, biases and the optimizer are
 * left out: they are a few FLOPs per element against hundreds per weight.
 */
final class TrainingFlops {
    private TrainingFlops() {
    }

    /** A layer with weights: its multiply-adds per sample in the forward pass. */
    record Weighted(String name, long multiplyAdds) {
        static Weighted dense(String name, long inputs, long units) {
            return new Weighted(name, inputs * units);
        }

        static Weighted conv2d(String name, long outHeight, long outWidth, long filters, long kernelHeight,
                               long kernelWidth, long channels) {
            return new Weighted(name, outHeight * outWidth * filters * kernelHeight * kernelWidth * channels);
        }
    }

    static long perSample(List<Weighted> layers) {
        long flops = 0;
        for (int i = 0; i < layers.size(); i++) {
            long forward = 2 * layers.get(i).multiplyAdds();
            flops += forward /* forward */ + forward /* weight gradient */ + (i == 0 ? 0 : forward) /* input gradient */;
        }
        return flops;
    }

    /** Flatten, Dense(512), Dense(10). */
    static final List<Weighted> MLP = List.of(Weighted.dense("hidden", 784, 512), Weighted.dense("out", 512, 10));

    /** Conv 32 (26x26), pool, Conv 64 (11x11), pool, Conv 64 (3x3), Dense 64, Dense 10. */
    static final List<Weighted> CNN = List.of(
            Weighted.conv2d("conv1", 26, 26, 32, 3, 3, 1),
            Weighted.conv2d("conv2", 11, 11, 64, 3, 3, 32),
            Weighted.conv2d("conv3", 3, 3, 64, 3, 3, 64),
            Weighted.dense("fc", 576, 64),
            Weighted.dense("out", 64, 10));

    /** Conv 64 (26x26), pool, Conv 64 (11x11), pool, Dense 128, Dense 10. */
    static final List<Weighted> FASHION_CNN = List.of(
            Weighted.conv2d("conv1", 26, 26, 64, 3, 3, 1),
            Weighted.conv2d("conv2", 11, 11, 64, 3, 3, 64),
            Weighted.dense("fc", 1600, 128),
            Weighted.dense("out", 128, 10));

    /**
     * Conv 32 (26x26), Conv 64 (24x24), max pool 3x3 to 8x8, four SAME convolutions of 64 (8x8) in two
     * residual blocks, Conv 64 (6x6), global average pooling, Dense 256, Dense 10. The additions, the
     * pooling and the dropout are left out as activations are.
     */
    static final List<Weighted> TOY_RESNET = List.of(
            Weighted.conv2d("conv1", 26, 26, 32, 3, 3, 1),
            Weighted.conv2d("conv2", 24, 24, 64, 3, 3, 32),
            Weighted.conv2d("conv3", 8, 8, 64, 3, 3, 64),
            Weighted.conv2d("conv4", 8, 8, 64, 3, 3, 64),
            Weighted.conv2d("conv5", 8, 8, 64, 3, 3, 64),
            Weighted.conv2d("conv6", 8, 8, 64, 3, 3, 64),
            Weighted.conv2d("conv7", 6, 6, 64, 3, 3, 64),
            Weighted.dense("fc", 64, 256),
            Weighted.dense("logits", 256, 10));
}
