package dev.lamina.runtime.training;

import dev.lamina.dsl.Metric;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The loss and metrics of a network on a dataset.
 *
 * @param metrics the value of each metric the model declares, by its name in logs ({@code "accuracy"})
 */
public record Evaluation(double loss, Map<String, Double> metrics) {

    public Evaluation {
        // In the model's order, as History and the CSV log show them.
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
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
