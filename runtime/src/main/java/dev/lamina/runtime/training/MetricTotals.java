package dev.lamina.runtime.training;

import dev.lamina.dsl.Metric;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The running loss and declared metrics over the batches of an epoch or an evaluation, weighted by batch size. */
final class MetricTotals {
    private final boolean accuracy;
    private double lossSum;
    private long correct;
    private long seen;

    MetricTotals(Network network) {
        this.accuracy = network.metrics().contains(Metric.ACCURACY);
    }

    /** Adds a batch: its outputs, one-hot labels and mean loss. */
    void add(INDArray outputs, INDArray labels, double batchLoss) {
        long samples = outputs.size(0);
        lossSum += batchLoss * samples;
        if (accuracy) {
            correct += Accuracy.correct(outputs, labels);
        }
        seen += samples;
    }

    /** {@code loss}, then each declared metric, over the batches so far; a new map the caller may add to. */
    Map<String, Double> logs() {
        Map<String, Double> logs = new LinkedHashMap<>();
        long samples = Math.max(seen, 1);
        logs.put("loss", lossSum / samples);
        if (accuracy) {
            logs.put(Metric.ACCURACY.logName(), (double) correct / samples);
        }
        return logs;
    }
}
