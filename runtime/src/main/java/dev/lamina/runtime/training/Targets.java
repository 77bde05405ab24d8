package dev.lamina.runtime.training;

import dev.lamina.dsl.Task;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.OneHot;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a dataset says each sample should give, in the form the network's loss takes it: one-hot rows
 * for one class of many, a 0/1 column for two classes with binary crossentropy, the targets as they
 * are for yes/no labels and regression. Refuses a dataset that does not fit the model before any step,
 * naming both.
 */
final class Targets {
    private Targets() {
    }

    /**
     * The labels of every sample of {@code data} for {@code network}'s loss, (samples, units), in the
     * network's type; {@code data} has passed {@link #require} (fit and evaluate check it first).
     */
    static INDArray of(Network network, Dataset data) {
        return switch (network.task()) {
            case MULTICLASS -> OneHot.encode(data.labels(), data.classes(), network.dataType());
            case BINARY -> {
                int[] labels = data.labels();
                float[] column = new float[labels.length];
                for (int i = 0; i < labels.length; i++) {
                    column[i] = labels[i];
                }
                yield Nd4j.create(column, new long[] {labels.length, 1}, 'c').castTo(network.dataType());
            }
            case MULTI_LABEL, REGRESSION -> data.targets().castTo(network.dataType()).dup('c');
        };
    }

    /** Refuses {@code data} whose labels or targets do not fit what {@code network} predicts. */
    static void require(Network network, Dataset data, String caller) {
        String model = network.modelName();
        Task task = network.task();
        if (task.classLabels() != data.hasClassLabels()) {
            throw new IllegalArgumentException(caller + ": " + model + " predicts " + predicts(network) + " but "
                    + data.name() + " has " + (data.hasClassLabels() ? data.classes() + " classes" : "targets")
                    + (task.classLabels() ? ". Build it with Dataset.of(name, features, labels, classes)."
                    : ". Build it with Dataset.ofTargets(name, features, targets)."));
        }
        if (task.classLabels() && network.classes() != data.classes()) {
            throw new IllegalArgumentException(caller + ": " + model + " has " + network.classes()
                    + " classes but " + data.name() + " has " + data.classes());
        }
        if (!task.classLabels()) {
            INDArray targets = data.targets();
            if (targets.size(1) != network.units()) {
                throw new IllegalArgumentException(caller + ": " + model + " predicts " + predicts(network) + " but "
                        + data.name() + " has " + targets.size(1) + " targets per sample");
            }
            requireValues(network, data, caller);
        }
    }

    /** Targets must be finite, and yes/no labels between 0 and 1: the loss would be NaN otherwise, far from the cause. */
    private static void requireValues(Network network, Dataset data, String caller) {
        double[] values = data.targets().dup('c').data().asDouble();
        int width = network.units();
        for (int i = 0; i < values.length; i++) {
            boolean valid = network.task() == Task.MULTI_LABEL ? values[i] >= 0 && values[i] <= 1 : Double.isFinite(values[i]);
            if (!valid) {
                throw new IllegalArgumentException(caller + ": target " + (i % width) + " of sample " + (i / width) + " of "
                        + data.name() + " is " + values[i] + (network.task() == Task.MULTI_LABEL
                        ? "; a yes/no label must be between 0 and 1" : "; targets must be finite numbers"));
            }
        }
    }

    /** What a network predicts, as messages say it: "10 classes", "2 numbers per sample". */
    static String predicts(Network network) {
        return switch (network.task()) {
            case MULTICLASS, BINARY -> network.classes() + " classes";
            case MULTI_LABEL -> network.units() + " yes/no labels per sample";
            case REGRESSION -> network.units() + (network.units() == 1 ? " number" : " numbers") + " per sample";
        };
    }
}
