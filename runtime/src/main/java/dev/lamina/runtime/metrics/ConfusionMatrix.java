package dev.lamina.runtime.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How many samples of each true class were predicted as each class, and the precision, recall and
 * F1 that follow from those counts, with scikit-learn's conventions:
 *
 * <ul>
 *   <li>a ratio whose denominator is 0 is 0 ({@code zero_division=0}): a class never predicted has
 *       precision 0, a class never present has recall 0, and either has F1 0 unless both ratios are
 *       defined. scikit-learn warns there; this class is silent;</li>
 *   <li>the macro averages are plain means over <em>all</em> the declared classes, as scikit-learn's
 *       {@code average='macro'} with {@code labels=range(classes)}. Without {@code labels}
 *       scikit-learn averages only over the classes present in the labels or the predictions, so a
 *       class absent from both would differ;</li>
 *   <li>{@link #macroF1()} is the mean of the per-class F1, not the F1 of the macro precision and
 *       recall;</li>
 *   <li>the binary figures ({@link #binaryPrecision()} and the rest) are those of class 1, the
 *       positive class of {@code average='binary'}.</li>
 * </ul>
 *
 * <p>Rows are true classes, columns predicted ones, as in {@code sklearn.metrics.confusion_matrix}.
 * An empty matrix has accuracy 0, as the training loop's running metrics do before any sample. A
 * batch with a class out of range or a label not 0 or 1 is rejected whole, before any count.
 */
public final class ConfusionMatrix {
    private final List<String> classNames;
    private final long[][] counts;
    private long total;

    /** A matrix over classes named by their indices, {@code "0"} to {@code classes - 1}. */
    public ConfusionMatrix(int classes) {
        this(indexNames(classes));
    }

    /** A matrix over {@code classNames.size()} classes, with these names in its table and chart. */
    public ConfusionMatrix(List<String> classNames) {
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("a confusion matrix needs 2 classes or more, not " + classNames.size());
        }
        this.classNames = List.copyOf(classNames);
        this.counts = new long[classNames.size()][classNames.size()];
    }

    private static List<String> indexNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    public int classes() {
        return counts.length;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Counts one sample of class {@code actual} predicted as {@code predicted}. */
    public void add(int actual, int predicted) {
        counts[checkClass(actual, "actual")][checkClass(predicted, "predicted")]++;
        total++;
    }

    /** Counts a batch of samples: {@code actual[i]} predicted as {@code predicted[i]}. */
    public void add(int[] actual, int[] predicted) {
        sameLength(actual.length, predicted.length);
        for (int i = 0; i < actual.length; i++) {
            checkClass(actual[i], "actual");
            checkClass(predicted[i], "predicted");
        }
        for (int i = 0; i < actual.length; i++) {
            add(actual[i], predicted[i]);
        }
    }

    /**
     * Counts a batch of scores (samples x classes, row-major): each sample is predicted as its
     * highest-scoring class, the first of equal ones, as {@code argmax} takes it.
     *
     * @param labels each sample's true class
     */
    public void addScores(float[] outputs, int[] labels) {
        sameLength(Rows.count(outputs.length, classes(), "outputs"), labels.length);
        for (int label : labels) {
            checkClass(label, "actual");
        }
        for (int row = 0; row < labels.length; row++) {
            add(labels[row], Rows.argMax(outputs, row * classes(), classes()));
        }
    }

    /** Counts a batch of scores and one-hot labels, both samples x classes and row-major. */
    public void addOneHot(float[] outputs, float[] oneHotLabels) {
        int rows = Rows.count(outputs.length, classes(), "outputs");
        sameLength(rows, Rows.count(oneHotLabels.length, classes(), "labels"));
        for (int row = 0; row < rows; row++) {
            int start = row * classes();
            add(Rows.argMax(oneHotLabels, start, classes()), Rows.argMax(outputs, start, classes()));
        }
    }

    /**
     * Counts a batch of a binary classifier's single sigmoid output: class 1 is predicted when the
     * probability is above 0.5, as Keras' {@code BinaryAccuracy} and {@code Precision} decide.
     *
     * @param labels 0 or 1 for each sample
     * @throws IllegalStateException if the matrix has more than 2 classes
     */
    public void addProbabilities(float[] probabilities, float[] labels) {
        requireBinary();
        sameLength(probabilities.length, labels.length);
        for (int i = 0; i < labels.length; i++) {
            Rows.positive(labels[i], i);
        }
        for (int i = 0; i < labels.length; i++) {
            add(Rows.positive(labels[i], i) ? 1 : 0, probabilities[i] > 0.5f ? 1 : 0);
        }
    }

    /** Forgets every count, for the next epoch. */
    public void reset() {
        for (long[] row : counts) {
            Arrays.fill(row, 0);
        }
        total = 0;
    }

    /** How many samples of class {@code actual} were predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[checkClass(actual, "actual")][checkClass(predicted, "predicted")];
    }

    /** A copy of the counts, rows true classes and columns predicted ones. */
    public long[][] counts() {
        long[][] copy = new long[classes()][];
        for (int i = 0; i < classes(); i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** How many samples were counted. */
    public long total() {
        return total;
    }

    /** The largest count of a cell, the top of a chart's colour scale. */
    public long maxCount() {
        long max = 0;
        for (long[] row : counts) {
            for (long count : row) {
                max = Math.max(max, count);
            }
        }
        return max;
    }

    /** How many samples are truly of class {@code c}: its row sum, scikit-learn's support. */
    public long support(int c) {
        long sum = 0;
        for (long count : counts[checkClass(c, "class")]) {
            sum += count;
        }
        return sum;
    }

    /** How many samples were predicted as class {@code c}: its column sum. */
    public long predictedCount(int c) {
        checkClass(c, "class");
        long sum = 0;
        for (long[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    /** The fraction of samples on the diagonal. */
    public double accuracy() {
        long right = 0;
        for (int c = 0; c < classes(); c++) {
            right += counts[c][c];
        }
        return ratio(right, total);
    }

    /** Of the samples predicted as {@code c}, the fraction truly of {@code c}; 0 if none was predicted as it. */
    public double precision(int c) {
        return ratio(counts[checkClass(c, "class")][c], predictedCount(c));
    }

    /** Of the samples truly of {@code c}, the fraction predicted as {@code c}; 0 if there are none. */
    public double recall(int c) {
        return ratio(counts[checkClass(c, "class")][c], support(c));
    }

    /** The harmonic mean of {@link #precision} and {@link #recall}: {@code 2tp / (2tp + fp + fn)}, 0 for 0/0. */
    public double f1(int c) {
        long truePositives = counts[checkClass(c, "class")][c];
        long falsePositives = predictedCount(c) - truePositives;
        long falseNegatives = support(c) - truePositives;
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    public double macroPrecision() {
        double sum = 0;
        for (int c = 0; c < classes(); c++) {
            sum += precision(c);
        }
        return sum / classes();
    }

    public double macroRecall() {
        double sum = 0;
        for (int c = 0; c < classes(); c++) {
            sum += recall(c);
        }
        return sum / classes();
    }

    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < classes(); c++) {
            sum += f1(c);
        }
        return sum / classes();
    }

    /** The precision of class 1, scikit-learn's {@code precision_score} with its default {@code average='binary'}. */
    public double binaryPrecision() {
        requireBinary();
        return precision(1);
    }

    /** The recall of class 1, as {@code recall_score(average='binary')}. */
    public double binaryRecall() {
        requireBinary();
        return recall(1);
    }

    /** The F1 of class 1, as {@code f1_score(average='binary')}. */
    public double binaryF1() {
        requireBinary();
        return f1(1);
    }

    /**
     * The counts as a table for a terminal: a row per true class, a column per predicted class,
     * class names as headers, numbers right-aligned.
     */
    @Override
    public String toString() {
        String corner = "true \\ predicted";
        int nameWidth = corner.length();
        for (String name : classNames) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        int[] columnWidths = new int[classes()];
        for (int c = 0; c < classes(); c++) {
            columnWidths[c] = classNames.get(c).length();
            for (long[] row : counts) {
                columnWidths[c] = Math.max(columnWidths[c], Long.toString(row[c]).length());
            }
        }
        StringBuilder table = new StringBuilder(pad(corner, nameWidth));
        for (int c = 0; c < classes(); c++) {
            table.append("  ").append(pad(classNames.get(c), columnWidths[c]));
        }
        for (int actual = 0; actual < classes(); actual++) {
            table.append('\n').append(pad(classNames.get(actual), nameWidth));
            for (int predicted = 0; predicted < classes(); predicted++) {
                table.append("  ").append(pad(Long.toString(counts[actual][predicted]), columnWidths[predicted]));
            }
        }
        return table.toString();
    }

    /**
     * Per-class precision, recall, F1 and support, then their macro averages and the accuracy: what
     * scikit-learn's {@code classification_report} prints, with the same zero-division rule.
     */
    public String report() {
        int nameWidth = "macro avg".length();
        for (String name : classNames) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        String row = "%" + nameWidth + "s  %9s  %9s  %9s  %9s";
        String numbers = "%" + nameWidth + "s  %9.4f  %9.4f  %9.4f  %9d";
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, row, "", "precision", "recall", "f1",
                "support"));
        for (int c = 0; c < classes(); c++) {
            report.append('\n').append(String.format(Locale.ROOT, numbers, classNames.get(c), precision(c),
                    recall(c), f1(c), support(c)));
        }
        report.append('\n').append(String.format(Locale.ROOT, numbers, "macro avg", macroPrecision(), macroRecall(),
                macroF1(), total));
        report.append('\n').append(String.format(Locale.ROOT, "%" + nameWidth + "s  %9s  %9s  %9.4f  %9d",
                "accuracy", "", "", accuracy(), total));
        return report.toString();
    }

    private static String pad(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }

    /** {@code numerator / denominator}, or 0 when the denominator is: scikit-learn's {@code zero_division=0}. */
    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    private int checkClass(int c, String what) {
        if (c < 0 || c >= classes()) {
            throw new IllegalArgumentException(what + " class " + c + " is not in [0, " + classes() + ")");
        }
        return c;
    }

    private void requireBinary() {
        if (classes() != 2) {
            throw new IllegalStateException("binary figures need 2 classes; this matrix has " + classes()
                    + ". Use the per-class or macro ones.");
        }
    }

    private static void sameLength(int samples, int labels) {
        if (samples != labels) {
            throw new IllegalArgumentException(samples + " samples but " + labels + " labels");
        }
    }
}
