package dev.lamina.runtime.metrics;

/**
 * True and false positives and negatives of a multi-label classifier (a sigmoid per label, any
 * number of labels on at once), over every label of every sample, and the micro-averaged precision,
 * recall and F1 they give. Each output is a label predicted on when it is above the threshold (0.5
 * unless given), as Keras' {@code Precision} and {@code Recall} decide; like them, and like
 * scikit-learn's {@code average='micro'}, the counts flatten all labels together, so frequent labels
 * weigh more. Ratios with a zero denominator are 0, as {@link ConfusionMatrix}'s.
 */
public final class MultiLabelCounts {
    private final float threshold;
    private long truePositives;
    private long falsePositives;
    private long falseNegatives;
    private long trueNegatives;

    public MultiLabelCounts() {
        this(0.5f);
    }

    public MultiLabelCounts(float threshold) {
        this.threshold = threshold;
    }

    /**
     * Adds a batch of probabilities and their 0/1 labels, flat and of one length (samples x labels).
     *
     * @throws IllegalArgumentException for a label not 0 or 1
     */
    public void add(float[] probabilities, float[] labels) {
        if (probabilities.length != labels.length) {
            throw new IllegalArgumentException(probabilities.length + " outputs but " + labels.length + " labels");
        }
        long[] batch = new long[4];
        for (int i = 0; i < labels.length; i++) {
            boolean actual = Rows.positive(labels[i], i);
            boolean predicted = probabilities[i] > threshold;
            batch[(actual ? 0 : 2) + (predicted ? 0 : 1)]++;
        }
        truePositives += batch[0];
        falseNegatives += batch[1];
        falsePositives += batch[2];
        trueNegatives += batch[3];
    }

    public long truePositives() {
        return truePositives;
    }

    public long falsePositives() {
        return falsePositives;
    }

    public long falseNegatives() {
        return falseNegatives;
    }

    public long trueNegatives() {
        return trueNegatives;
    }

    /** Of the labels predicted on, the fraction truly on. */
    public double precision() {
        return ConfusionMatrix.ratio(truePositives, truePositives + falsePositives);
    }

    /** Of the labels truly on, the fraction predicted on. */
    public double recall() {
        return ConfusionMatrix.ratio(truePositives, truePositives + falseNegatives);
    }

    /** {@code 2tp / (2tp + fp + fn)}: the harmonic mean of precision and recall. */
    public double f1() {
        return ConfusionMatrix.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /** The fraction of all labels, on or off, predicted right: Keras' {@code binary_accuracy}. */
    public double binaryAccuracy() {
        long all = truePositives + falsePositives + falseNegatives + trueNegatives;
        return ConfusionMatrix.ratio(truePositives + trueNegatives, all);
    }

    public void reset() {
        truePositives = 0;
        falsePositives = 0;
        falseNegatives = 0;
        trueNegatives = 0;
    }
}
