package dev.lamina.runtime.training;

import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Task;
import dev.lamina.runtime.kernels.Activations;
import dev.lamina.runtime.metrics.ConfusionMatrix;
import dev.lamina.runtime.metrics.MultiLabelCounts;
import dev.lamina.runtime.metrics.RegressionErrors;
import dev.lamina.runtime.metrics.RocAuc;
import dev.lamina.runtime.metrics.TopKAccuracy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The running loss and declared metrics over the batches of an epoch or an evaluation: the loss
 * weighted by batch size, the metrics counted over every sample. Logits are turned into
 * probabilities first (softmax, or a sigmoid for yes/no outputs), so a metric reads the same
 * whether the model outputs one or the other.
 */
final class MetricTotals {
    private final Network network;
    private final Task task;
    private final List<Metric> metrics;
    /** What a classifier predicted against what was true: every class metric but top-k and AUC. */
    private final ConfusionMatrix confusion;
    private final MultiLabelCounts labelCounts;
    private final RegressionErrors errors;
    private final TopKAccuracy topK;
    private final RocAuc auc;
    private double lossSum;
    private long seen;

    /** Totals for {@code network}'s metrics; a classifier's confusion matrix names the classes {@code classNames}. */
    MetricTotals(Network network, List<String> classNames) {
        this.network = network;
        this.task = network.task();
        this.metrics = network.metrics();
        this.confusion = task.classLabels() ? new ConfusionMatrix(classNames) : null;
        this.labelCounts = task == Task.MULTI_LABEL ? new MultiLabelCounts() : null;
        this.errors = task == Task.REGRESSION ? new RegressionErrors() : null;
        this.topK = metrics.contains(Metric.TOP_K_ACCURACY) ? new TopKAccuracy(network.topK(), network.classes()) : null;
        this.auc = metrics.contains(Metric.AUC) ? new RocAuc() : null;
    }

    /** Adds a batch: its outputs, its labels as the loss takes them, and its loss. */
    void add(INDArray outputs, INDArray labels, double batchLoss) {
        long samples = outputs.size(0);
        lossSum += batchLoss * samples;
        seen += samples;
        float[] scores = probabilities(outputs);
        float[] targets = labels.dup('c').data().asFloat();
        switch (task) {
            case MULTICLASS -> {
                confusion.addOneHot(scores, targets);
                if (topK != null) {
                    topK.addOneHot(scores, targets);
                }
                if (auc != null) {
                    auc.add(column(scores, 1, 2), column(targets, 1, 2)); // the checker allows AUC with two classes only
                }
            }
            case BINARY -> {
                confusion.addProbabilities(scores, targets);
                if (auc != null) {
                    auc.add(scores, targets);
                }
            }
            case MULTI_LABEL -> {
                labelCounts.add(scores, targets);
                if (auc != null) {
                    auc.add(scores, targets); // over every (sample, label) pair, as Keras' AUC counts them
                }
            }
            case REGRESSION -> errors.add(scores, targets);
        }
    }

    /** {@code loss}, then each declared metric in the model's order, over the batches so far; a new map the caller may add to. */
    Map<String, Double> logs() {
        return logs(false);
    }

    /**
     * {@link #logs()} as a training step reports them: the same but AUC, whose exact value needs
     * every score sorted, which is {@link RocAuc#runningValue()} (sorted again as the samples grow by an eighth).
     */
    Map<String, Double> runningLogs() {
        return logs(true);
    }

    private Map<String, Double> logs(boolean running) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", lossSum / Math.max(seen, 1));
        for (Metric metric : metrics) {
            logs.put(metric.logName(), metric == Metric.AUC && running ? auc.runningValue() : value(metric));
        }
        return logs;
    }

    /** A classifier's confusion matrix over the batches so far; null for regression and yes/no labels. */
    ConfusionMatrix confusionMatrix() {
        return confusion;
    }

    private double value(Metric metric) {
        boolean twoClasses = confusion != null && confusion.classes() == 2;
        return switch (metric) {
            case ACCURACY -> confusion != null ? confusion.accuracy() : labelCounts.binaryAccuracy();
            case TOP_K_ACCURACY -> topK.value();
            case PRECISION -> confusion == null ? labelCounts.precision()
                    : twoClasses ? confusion.binaryPrecision() : confusion.macroPrecision();
            case RECALL -> confusion == null ? labelCounts.recall()
                    : twoClasses ? confusion.binaryRecall() : confusion.macroRecall();
            case F1 -> confusion == null ? labelCounts.f1() : twoClasses ? confusion.binaryF1() : confusion.macroF1();
            case AUC -> auc.value();
            case MAE -> errors.meanAbsoluteError();
            case RMSE -> errors.rootMeanSquaredError();
        };
    }

    /** The outputs as probabilities (as they are, unless the model outputs logits), row-major. */
    private float[] probabilities(INDArray outputs) {
        float[] values = outputs.dup('c').data().asFloat();
        if (network.outputsLogits()) {
            if (task == Task.MULTICLASS) {
                Activations.softmaxRows(values, values.length, Math.toIntExact(outputs.size(1)));
            } else {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) Activations.sigmoid(values[i]);
                }
            }
        }
        return values;
    }

    /** Column {@code column} of rows {@code width} wide. */
    private static float[] column(float[] values, int column, int width) {
        float[] picked = new float[values.length / width];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = values[i * width + column];
        }
        return picked;
    }
}
