package dev.lamina.runtime.data;

/**
 * One image as numbers in [0, 1]: {@code height x width x channels} floats, row by row, channels
 * last (1 channel for grey levels, 3 for RGB). What {@link ImageDecoder} makes of a file, converted
 * and resized here to what a model takes.
 */
record ImagePixels(int height, int width, int channels, float[] values) {
    private static final double RED_LUMA = 0.299;
    private static final double GREEN_LUMA = 0.587;
    private static final double BLUE_LUMA = 0.114;

    /**
     * This image with {@code wanted} channels: grey levels repeated as R = G = B, or RGB made grey as
     * ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B, as PIL's mode "L" and TensorFlow's decoders).
     * The luma is not rounded to 8-bit levels as theirs is, so it can differ from Keras' by 0.5/255.
     */
    ImagePixels inChannels(int wanted) {
        if (wanted == channels) {
            return this;
        }
        int pixels = height * width;
        float[] converted = new float[pixels * wanted];
        for (int p = 0; p < pixels; p++) {
            if (wanted == 1) {
                converted[p] = luma(values[3 * p], values[3 * p + 1], values[3 * p + 2]);
            } else {
                converted[3 * p] = converted[3 * p + 1] = converted[3 * p + 2] = values[p];
            }
        }
        return new ImagePixels(height, width, wanted, converted);
    }

    /** BT.601 luma; a grey pixel (R = G = B) keeps its value exactly. */
    static float luma(float red, float green, float blue) {
        if (red == green && green == blue) {
            return red;
        }
        return (float) (RED_LUMA * red + GREEN_LUMA * green + BLUE_LUMA * blue);
    }

    /**
     * This image resized to {@code newHeight x newWidth} by bilinear interpolation as TensorFlow's
     * {@code tf.image.resize(method="bilinear")} does it, Keras' default: pixel centres aligned
     * (a new pixel's centre maps to (x + 0.5) * old / new - 0.5 in the old image), the edges
     * repeated beyond the image, no antialiasing (so shrinking an image many times samples it, as
     * Keras does). The same size returns the image unchanged.
     */
    ImagePixels resized(int newHeight, int newWidth) {
        if (newHeight == height && newWidth == width) {
            return this;
        }
        Axis rows = new Axis(height, newHeight);
        Axis columns = new Axis(width, newWidth);
        float[] resized = new float[newHeight * newWidth * channels];
        for (int y = 0; y < newHeight; y++) {
            int top = rows.lower[y] * width;
            int bottom = rows.upper[y] * width;
            float yLerp = rows.lerp[y];
            for (int x = 0; x < newWidth; x++) {
                int left = columns.lower[x];
                int right = columns.upper[x];
                float xLerp = columns.lerp[x];
                for (int c = 0; c < channels; c++) {
                    float topLeft = values[(top + left) * channels + c];
                    float topRight = values[(top + right) * channels + c];
                    float bottomLeft = values[(bottom + left) * channels + c];
                    float bottomRight = values[(bottom + right) * channels + c];
                    float upper = topLeft + (topRight - topLeft) * xLerp;
                    float lower = bottomLeft + (bottomRight - bottomLeft) * xLerp;
                    resized[(y * newWidth + x) * channels + c] = upper + (lower - upper) * yLerp;
                }
            }
        }
        return new ImagePixels(newHeight, newWidth, channels, resized);
    }

    /** For each new position along one axis: the two old pixels it lies between and how far from the first. */
    private static final class Axis {
        final int[] lower;
        final int[] upper;
        final float[] lerp;

        Axis(int oldSize, int newSize) {
            lower = new int[newSize];
            upper = new int[newSize];
            lerp = new float[newSize];
            float scale = (float) oldSize / newSize;
            for (int i = 0; i < newSize; i++) {
                float in = (i + 0.5f) * scale - 0.5f;
                float floor = (float) Math.floor(in);
                lower[i] = Math.max((int) floor, 0);
                upper[i] = Math.min((int) Math.ceil(in), oldSize - 1);
                lerp[i] = in - floor;
            }
        }
    }
}
