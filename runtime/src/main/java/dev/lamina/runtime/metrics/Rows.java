package dev.lamina.runtime.metrics;

/** Reading flat row-major batches: how many rows they hold, and the largest value of a row. */
final class Rows {
    private Rows() {
    }

    /**
     * How many rows of {@code width} values {@code length} values make.
     *
     * @throws IllegalArgumentException if they do not make whole rows
     */
    static int count(int length, int width, String what) {
        if (width < 1 || length % width != 0) {
            throw new IllegalArgumentException(what + ": " + length + " values are not rows of " + width);
        }
        return length / width;
    }

    /**
     * The first index of the largest of {@code values[start .. start + width)}, counted from {@code start}:
     * numpy's and Keras' argmax, and {@code training.Accuracy}'s.
     */
    static int argMax(float[] values, int start, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (values[start + j] > values[start + best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Whether a 0/1 label is 1.
     *
     * @throws IllegalArgumentException if it is neither: a smoothed or soft label has no place in a count
     */
    static boolean positive(float label, int index) {
        if (label == 1f) {
            return true;
        }
        if (label == 0f) {
            return false;
        }
        throw new IllegalArgumentException("label " + index + " is " + label + ", not 0 or 1");
    }
}
