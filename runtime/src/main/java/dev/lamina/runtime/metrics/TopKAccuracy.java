package dev.lamina.runtime.metrics;

/**
 * The fraction of samples whose true class is among the {@code k} highest scores, as Keras'
 * {@code top_k_categorical_accuracy} and {@code sparse_top_k_categorical_accuracy}.
 *
 * <p>Ties follow Keras 3's {@code ops.in_top_k} (and TensorFlow's {@code in_top_k}): the true class
 * ranks 1 plus the number of classes scoring strictly higher, and is in the top k if that rank is at
 * most k. So classes tied across the k-th place are all in: with scores (0.4, 0.4, 0.2) both class 0
 * and class 1 are in the top 1. Hence at {@code k = 1} this equals {@code Accuracy}, which takes the
 * first of tied maxima, only when the highest score is not tied. A NaN score of the true class counts
 * as minus infinity, as in Keras; a NaN elsewhere is never higher.
 */
public final class TopKAccuracy {
    private final int k;
    private final int classes;
    private long correct;
    private long count;

    public TopKAccuracy(int k, int classes) {
        if (k < 1 || classes < 1) {
            throw new IllegalArgumentException("k and classes must be positive: k " + k + ", classes " + classes);
        }
        this.k = k;
        this.classes = classes;
    }

    public int k() {
        return k;
    }

    /** Adds a batch of scores (samples x classes, row-major) and each sample's true class. */
    public void add(float[] outputs, int[] labels) {
        int rows = Rows.count(outputs.length, classes, "outputs");
        if (rows != labels.length) {
            throw new IllegalArgumentException(rows + " samples but " + labels.length + " labels");
        }
        for (int row = 0; row < rows; row++) {
            if (labels[row] < 0 || labels[row] >= classes) {
                throw new IllegalArgumentException("label " + row + " is " + labels[row] + ", not a class in [0, "
                        + classes + ")");
            }
        }
        for (int row = 0; row < rows; row++) {
            if (inTopK(outputs, row * classes, classes, labels[row], k)) {
                correct++;
            }
        }
        count += rows;
    }

    /** Adds a batch of scores and one-hot labels, both samples x classes: the label is the one-hot's argmax. */
    public void addOneHot(float[] outputs, float[] oneHotLabels) {
        int rows = Rows.count(oneHotLabels.length, classes, "labels");
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            labels[row] = Rows.argMax(oneHotLabels, row * classes, classes);
        }
        add(outputs, labels);
    }

    /** Whether class {@code label} is among the {@code k} highest of {@code scores[start .. start + width)}. */
    public static boolean inTopK(float[] scores, int start, int width, int label, int k) {
        float labelScore = scores[start + label];
        if (Float.isNaN(labelScore)) {
            labelScore = Float.NEGATIVE_INFINITY;
        }
        int higher = 0;
        for (int j = 0; j < width; j++) {
            if (scores[start + j] > labelScore) {
                higher++;
            }
        }
        return 1 + higher <= k;
    }

    public long correct() {
        return correct;
    }

    public long count() {
        return count;
    }

    /** The fraction so far; 0 before any sample. */
    public double value() {
        return count == 0 ? 0.0 : (double) correct / count;
    }

    public void reset() {
        correct = 0;
        count = 0;
    }
}
