package dev.lamina.runtime.metrics;

import java.util.Arrays;

/**
 * The exact area under the ROC curve of a binary classifier: the probability that a random positive
 * sample scores above a random negative one, a tie counting half, as scikit-learn's
 * {@code roc_auc_score}. Keras' {@code AUC} metric differs: it interpolates over 200 thresholds, so
 * its value is an approximation of this one.
 *
 * <p>Exact needs every score, so batches are kept (4 bytes and a label per sample, in arrays that
 * grow by half as they fill) and {@link #value()} sorts them: O(n log n). A training step's progress
 * line and batch logs take {@link #runningValue()}, which sorts again only once the samples have grown
 * by an eighth since it last did, so an epoch of n samples sorts O(log n) times, not once a batch.
 *
 * <p>With samples of only one class the area is undefined; {@link #value()} returns NaN rather than
 * throwing (scikit-learn raises), so a validation set or batch that happens to hold one class shows
 * as {@code nan} in the logs instead of ending a training run.
 */
public final class RocAuc {
    private float[] scores = new float[1024];
    private boolean[] positives = new boolean[1024];
    private int count;
    private long positiveCount;
    /** The samples {@link #runningValue()} last computed the area over, and that area. */
    private int runningCount;
    private double running = Double.NaN;
    /** How many times the scores were sorted: a test counts them. */
    private int sorts;

    /**
     * Adds a batch: each sample's score (a probability or a logit: only the order matters) and its 0/1 label.
     *
     * @throws IllegalArgumentException for a NaN score, which has no place in the order, or a label not 0 or 1
     */
    public void add(float[] scores, float[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
        }
        boolean[] batchPositives = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            batchPositives[i] = Rows.positive(labels[i], i);
        }
        ensureRoom(scores.length);
        for (int i = 0; i < scores.length; i++) {
            this.scores[count] = scores[i];
            this.positives[count] = batchPositives[i];
            positiveCount += batchPositives[i] ? 1 : 0;
            count++;
        }
    }

    private void ensureRoom(int more) {
        if (count + more > scores.length) {
            int capacity = Math.max(count + more, scores.length + (scores.length >> 1));
            scores = Arrays.copyOf(scores, capacity);
            positives = Arrays.copyOf(positives, capacity);
        }
    }

    /** How many samples were added. */
    public int count() {
        return count;
    }

    public long positives() {
        return positiveCount;
    }

    public long negatives() {
        return count - positiveCount;
    }

    /**
     * The area over every sample added so far, or NaN if they are all of one class (or there are none).
     *
     * <p>Sorted by score, each group of equal scores adds, for each of its positives, the negatives
     * below the group and half the negatives within it. The sum is kept doubled, in a long, so it is
     * exact; the one rounding is the final division.
     */
    public double value() {
        sorts++;
        long negativeCount = count - positiveCount;
        if (positiveCount == 0 || negativeCount == 0) {
            return Double.NaN;
        }
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = (long) sortableBits(scores[i]) << 1 | (positives[i] ? 1 : 0);
        }
        Arrays.sort(keys);
        long doubledPairs = 0;
        long negativesBelow = 0;
        int start = 0;
        while (start < count) {
            long score = keys[start] >> 1;
            int end = start;
            long groupPositives = 0;
            while (end < count && keys[end] >> 1 == score) {
                groupPositives += keys[end] & 1;
                end++;
            }
            long groupNegatives = end - start - groupPositives;
            doubledPairs += groupPositives * (2 * negativesBelow + groupNegatives);
            negativesBelow += groupNegatives;
            start = end;
        }
        return doubledPairs / (2.0 * positiveCount * negativeCount);
    }

    /**
     * {@link #value()}, computed again only when the samples have grown by at least an eighth since
     * it was last computed here (or it was NaN): between, the last area, over most of the samples.
     * What the progress line shows while an epoch runs; the epoch's logs take the exact value.
     */
    public double runningValue() {
        if (count == runningCount) {
            return running;
        }
        if (Double.isNaN(running) || count - runningCount >= runningCount / 8) {
            running = value();
            runningCount = count;
        }
        return running;
    }

    int sorts() {
        return sorts;
    }

    /**
     * The bits of {@code score} as an int that orders as the floats do: negatives have their
     * magnitude bits flipped, so the larger magnitude sorts lower; -0 is made +0 first, so they tie.
     */
    private static int sortableBits(float score) {
        int bits = Float.floatToIntBits(score + 0.0f);
        return bits < 0 ? bits ^ Integer.MAX_VALUE : bits;
    }

    /** Forgets every sample, keeping the arrays for the next epoch. */
    public void reset() {
        count = 0;
        positiveCount = 0;
        runningCount = 0;
        running = Double.NaN;
    }
}
