package dev.lamina.runtime.training;

import dev.lamina.dsl.Metric;
import dev.lamina.runtime.metrics.ConfusionMatrix;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The loss and metrics of a network on a dataset.
 *
 * @param metrics the value of each metric the model declares, by its name in logs ({@code "accuracy"})
 * @param confusion a classifier's confusion matrix, or null for a model that predicts numbers or
 *     yes/no labels; read it with {@link #confusionMatrix()}
 */
public record Evaluation(double loss, Map<String, Double> metrics, ConfusionMatrix confusion) {

    public Evaluation {
        // In the model's order, as History and the CSV log show them.
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** An evaluation without a confusion matrix. */
    public Evaluation(double loss, Map<String, Double> metrics) {
        this(loss, metrics, null);
    }

    /**
     * Of a classifier, how many samples of each true class (rows) were predicted as each class
     * (columns), with the classes' names; print it, or draw it with {@code ConfusionMatrixChart}.
     *
     * @throws IllegalStateException for a model that predicts numbers or yes/no labels
     */
    public ConfusionMatrix confusionMatrix() {
        if (confusion == null) {
            throw new IllegalStateException("A confusion matrix counts classes; this model predicts numbers or"
                    + " yes/no labels and has none.");
        }
        return confusion;
    }

    /**
     * The fraction of samples classified right.
     *
     * @throws IllegalStateException if the model does not declare {@link Metric#ACCURACY}
     */
    public double accuracy() {
        Double accuracy = metrics.get(Metric.ACCURACY.logName());
        if (accuracy == null) {
            throw new IllegalStateException("accuracy was not computed: the model does not declare it. "
                    + "Add metrics = Metric.ACCURACY to its @Model.");
        }
        return accuracy;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "loss: %.4f", loss) + metrics.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, " - %s: %.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining());
    }
}
