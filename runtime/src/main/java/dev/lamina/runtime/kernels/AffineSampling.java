package dev.lamina.runtime.kernels;

import dev.lamina.dsl.FillMode;
import dev.lamina.dsl.Interpolation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras' {@code affine_transform} on a batch of (height, width, channels) images, for RandomRotation
 * and RandomZoom: output pixel (row y, column x) of image n reads the input at column
 * {@code a0 x + a1 y + a2} and row {@code b0 x + b1 y + b2}, the six numbers being image n's
 * {@link Transform}, interpolating between pixels and reading beyond the edges as the fill mode says.
 * The output is linear in the input: {@link ImageReads} adds the reads up and takes the transpose.
 */
final class AffineSampling {
    private AffineSampling() {
    }

    /** One image's map from output (x, y) to the input point read: (a0 x + a1 y + a2, b0 x + b1 y + b2). */
    record Transform(double a0, double a1, double a2, double b0, double b1, double b2) {
    }

    static void forward(INDArray x, Transform[] transforms, FillMode fill, Interpolation interpolation, INDArray y) {
        ImageReads.forward(x, read -> eachRead(x.shape(), transforms, fill, interpolation, read), y);
    }

    static void backward(Transform[] transforms, FillMode fill, Interpolation interpolation, INDArray dy, INDArray dx) {
        ImageReads.backward(read -> eachRead(dy.shape(), transforms, fill, interpolation, read), dy, dx);
    }

    /**
     * Every read of the map over a batch of {@code shape} (batch, height, width, channels): the rule
     * forward and its transpose share. Bilinear reads the four pixels around the point (Keras' floor
     * and floor + 1 on each axis, each index fixed by the fill mode on its own), nearest the pixel at
     * the rounded point (half to even, as NumPy's round); a CONSTANT read beyond the edge adds nothing.
     */
    private static void eachRead(long[] shape, Transform[] transforms, FillMode fill, Interpolation interpolation,
                                 ImageReads.Read read) {
        int height = (int) shape[1];
        int width = (int) shape[2];
        int channels = (int) shape[3];
        for (int n = 0; n < shape[0]; n++) {
            Transform t = transforms[n];
            int image = n * height * width * channels;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int to = image + (y * width + x) * channels;
                    double column = t.a0() * x + t.a1() * y + t.a2();
                    double row = t.b0() * x + t.b1() * y + t.b2();
                    if (interpolation == Interpolation.NEAREST) {
                        readPixel(read, to, image, (int) Math.rint(row), (int) Math.rint(column), 1, height, width,
                                channels, fill);
                        continue;
                    }
                    int top = (int) Math.floor(row);
                    int left = (int) Math.floor(column);
                    double down = row - top;
                    double right = column - left;
                    readPixel(read, to, image, top, left, (1 - down) * (1 - right), height, width, channels, fill);
                    readPixel(read, to, image, top, left + 1, (1 - down) * right, height, width, channels, fill);
                    readPixel(read, to, image, top + 1, left, down * (1 - right), height, width, channels, fill);
                    readPixel(read, to, image, top + 1, left + 1, down * right, height, width, channels, fill);
                }
            }
        }
    }

    private static void readPixel(ImageReads.Read read, int to, int image, int row, int column, double weight, int height,
                                  int width, int channels, FillMode fill) {
        int r = ImageEdges.source(row, height, fill);
        int c = ImageEdges.source(column, width, fill);
        if (r >= 0 && c >= 0 && weight != 0) {
            read.apply(to, image + (r * width + c) * channels, weight);
        }
    }
}
