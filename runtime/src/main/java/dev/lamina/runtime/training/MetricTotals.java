package dev.lamina.runtime.training;

import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Task;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The running loss and declared metrics over the batches of an epoch or an evaluation, weighted by batch size. */
final class MetricTotals {
    private final Network network;
    private final boolean accuracy;
    private double lossSum;
    private long correct;
    private long counted;
    private long seen;

    MetricTotals(Network network) {
        this.network = network;
        this.accuracy = network.metrics().contains(Metric.ACCURACY);
    }

    /** Adds a batch: its outputs, labels as the loss takes them, and loss. */
    void add(INDArray outputs, INDArray labels, double batchLoss) {
        long samples = outputs.size(0);
        lossSum += batchLoss * samples;
        if (accuracy) {
            if (network.task() == Task.MULTICLASS) {
                correct += Accuracy.correct(outputs, labels);
                counted += samples;
            } else {
                correct += Accuracy.correctYesNo(outputs, labels, network.outputsLogits());
                counted += outputs.length();
            }
        }
        seen += samples;
    }

    /** {@code loss}, then each declared metric, over the batches so far; a new map the caller may add to. */
    Map<String, Double> logs() {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", lossSum / Math.max(seen, 1));
        if (accuracy) {
            logs.put(Metric.ACCURACY.logName(), (double) correct / Math.max(counted, 1));
        }
        return logs;
    }
}
