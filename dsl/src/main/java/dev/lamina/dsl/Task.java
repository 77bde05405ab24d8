package dev.lamina.dsl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a model predicts, as its {@code @Model} declares it with {@code classes} or {@code outputs} and
 * its loss; it fixes the width of the last layer, the activation it needs, the labels {@code fit}
 * takes and the metrics that mean something. The rules live here, in plain Java, so that the
 * processor checks a model with the same code the runtime trains it with.
 */
public enum Task {
    /** One class of {@code classes} per sample: softmax (or logits) and a categorical crossentropy. */
    MULTICLASS,
    /** One of two classes per sample: one sigmoid unit (or logit) and binary crossentropy; labels 0 and 1. */
    BINARY,
    /** Several yes/no labels per sample, {@code outputs} of them: sigmoid units and binary crossentropy. */
    MULTI_LABEL,
    /** {@code outputs} numbers per sample: a regression loss. */
    REGRESSION;

    private static final Set<Metric> CLASSIFIER_METRICS =
            EnumSet.of(Metric.ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.F1);

    /** The task of a model whose declaration has no {@link #declarationProblems problems}. */
    public static Task of(Loss loss, int classes) {
        if (loss.regression()) {
            return REGRESSION;
        }
        if (loss == Loss.BINARY_CROSSENTROPY) {
            return classes > 0 ? BINARY : MULTI_LABEL;
        }
        return MULTICLASS;
    }

    /** The last layer's width: the classes, one unit for two classes with binary crossentropy, or the outputs. */
    public static int units(Task task, int classes, int outputs) {
        return switch (task) {
            case MULTICLASS -> classes;
            case BINARY -> 1;
            case MULTI_LABEL, REGRESSION -> outputs;
        };
    }

    /** Whether samples are labelled with a class index (rather than a row of targets). */
    public boolean classLabels() {
        return this == MULTICLASS || this == BINARY;
    }

    /** The activation the last layer needs unless the loss takes logits: softmax, sigmoid, or none in particular. */
    public Optional<Activation> probabilityActivation() {
        return switch (this) {
            case MULTICLASS -> Optional.of(Activation.SOFTMAX);
            case BINARY, MULTI_LABEL -> Optional.of(Activation.SIGMOID);
            case REGRESSION -> Optional.empty();
        };
    }

    /**
     * What is wrong with the combination of {@code classes}, {@code outputs}, loss, {@code fromLogits},
     * metrics and {@code topK} a {@code @Model} declares, each on the attribute (or metric) at fault
     * with the fix. Empty when the task is clear.
     */
    public static List<Problem> declarationProblems(Loss loss, int classes, int outputs, boolean fromLogits,
                                                    List<Metric> metrics, int topK) {
        List<Problem> problems = new ArrayList<>();
        if (classes != 0 && outputs != 0) {
            problems.add(Problem.ofAttribute("outputs", "classes = " + classes + " and outputs = " + outputs
                    + " are both set, but a model predicts either classes or numbers. Keep classes for a classifier"
                    + " (one class per sample), or outputs for regression or several yes/no labels per sample."));
            return problems;
        }
        if (classes == 0 && outputs == 0) {
            problems.add(Problem.ofAttribute("loss", "The model declares neither classes nor outputs. Set classes = N"
                    + " for a classifier of N classes, or outputs = N for N numbers (regression) or N yes/no labels"
                    + " per sample."));
            return problems;
        }
        if (classes < 0 || classes == 1) {
            problems.add(Problem.ofAttribute("classes", "classes is " + classes + " but a classifier needs at least"
                    + " 2 classes. For a yes/no outcome set classes = 2 with " + Problem.setting("loss",
                    Loss.BINARY_CROSSENTROPY) + ", or for one number set outputs = 1."));
            return problems;
        }
        if (outputs < 0) {
            problems.add(Problem.ofAttribute("outputs", "outputs is " + outputs + " but must be at least 1."));
            return problems;
        }
        lossProblem(loss, classes).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return problems;
        }
        Task task = of(loss, classes);
        if (fromLogits && task == REGRESSION) {
            problems.add(Problem.ofAttribute("fromLogits", "fromLogits = true but the " + loss + " compares"
                    + " outputs with targets as they are: logits belong to a crossentropy. Remove fromLogits."));
        }
        List<Metric> seen = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            Metric metric = metrics.get(i);
            if (seen.contains(metric)) {
                problems.add(Problem.ofElement("metrics", i, Problem.constant(metric) + " is listed twice. Remove one."));
            }
            seen.add(metric);
            int index = i;
            task.metricProblem(metric, classes, topK).ifPresent(message -> problems.add(
                    Problem.ofElement("metrics", index, message)));
        }
        return problems;
    }

    private static Optional<Problem> lossProblem(Loss loss, int classes) {
        if (classes > 0 && loss.regression()) {
            return Optional.of(Problem.ofAttribute("loss", "The " + loss + " is a regression loss but the model declares"
                    + " classes = " + classes + ". For numbers to predict set outputs = N instead of classes; for a"
                    + " classifier use " + Problem.setting("loss", Loss.CATEGORICAL_CROSSENTROPY) + "."));
        }
        if (classes > 2 && loss == Loss.BINARY_CROSSENTROPY) {
            return Optional.of(Problem.ofAttribute("loss", "Binary crossentropy is for two classes but the model has "
                    + classes + ". Use " + Problem.setting("loss", Loss.CATEGORICAL_CROSSENTROPY) + " for one class of "
                    + classes + " per sample, or outputs = " + classes + " for " + classes
                    + " yes/no labels per sample."));
        }
        if (classes == 0 && (loss == Loss.CATEGORICAL_CROSSENTROPY || loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY)) {
            return Optional.of(Problem.ofAttribute("loss", "The " + loss + " picks one class per sample but the model"
                    + " declares outputs rather than classes. Set classes = N for a classifier, or use "
                    + Problem.setting("loss", Loss.MEAN_SQUARED_ERROR) + " for regression or "
                    + Problem.setting("loss", Loss.BINARY_CROSSENTROPY) + " for yes/no labels."));
        }
        return Optional.empty();
    }

    /** Why {@code metric} means nothing for this task, if it does not. */
    private Optional<String> metricProblem(Metric metric, int classes, int topK) {
        String name = Problem.constant(metric);
        if (this == REGRESSION && (CLASSIFIER_METRICS.contains(metric) || metric == Metric.TOP_K_ACCURACY
                || metric == Metric.AUC)) {
            return Optional.of(name + " counts classes but the model predicts numbers (regression). Use "
                    + Problem.constant(Metric.MAE) + " or " + Problem.constant(Metric.RMSE) + ".");
        }
        if (this != REGRESSION && (metric == Metric.MAE || metric == Metric.RMSE)) {
            return Optional.of(name + " measures the distance to numeric targets but the model is a classifier. Use "
                    + Problem.constant(Metric.ACCURACY) + ", " + Problem.constant(Metric.PRECISION) + ", "
                    + Problem.constant(Metric.RECALL) + " or " + Problem.constant(Metric.F1) + ".");
        }
        if (metric == Metric.TOP_K_ACCURACY) {
            if (this != MULTICLASS) {
                return Optional.of(name + " ranks the scores of one class among many; with "
                        + (this == BINARY ? "two classes" : "independent labels") + " it has no meaning. Use "
                        + Problem.constant(Metric.ACCURACY) + ".");
            }
            if (topK < 1 || topK >= classes) {
                return Optional.of(name + " with topK = " + topK + " among " + classes + " classes "
                        + (topK < 1 ? "counts nothing" : "is always 1") + ". Set topK between 1 and "
                        + (classes - 1) + " in @Model.");
            }
        }
        if (metric == Metric.AUC && this == MULTICLASS && classes != 2) {
            return Optional.of(name + " is the area under the ROC curve of a yes/no score, but the model has " + classes
                    + " classes. Use it with two classes or with outputs of yes/no labels.");
        }
        return Optional.empty();
    }
}
