package dev.lamina.runtime.training;

import dev.lamina.runtime.data.Dataset;
import java.util.Arrays;
import java.util.Optional;

/**
 * Each training sample's weight in the loss: the dataset's sample weights times its class's weight
 * (Keras' {@code sample_weight} and {@code class_weight} together, multiplied as Keras does).
 */
final class TrainingWeights {
    private TrainingWeights() {
    }

    /** The weights of {@code train}'s samples, or null if every sample weighs 1. */
    static double[] of(Network network, Dataset train, FitOptions options) {
        Optional<double[]> classWeights = options.classWeights();
        double[] weights = train.sampleWeights().orElse(null);
        if (classWeights.isEmpty()) {
            return weights;
        }
        double[] byClass = classWeights.get();
        if (!network.task().classLabels()) {
            throw new IllegalArgumentException("fit: classWeights weigh the samples of each class, but "
                    + network.modelName() + " predicts " + Targets.predicts(network)
                    + ". Give the dataset sample weights instead (Dataset.withSampleWeights).");
        }
        if (byClass.length != network.classes()) {
            throw new IllegalArgumentException("fit: " + byClass.length + " class weights for the "
                    + network.classes() + " classes of " + network.modelName() + "; give one per class");
        }
        int[] labels = train.labels();
        if (weights == null) {
            weights = new double[labels.length];
            Arrays.fill(weights, 1);
        }
        for (int i = 0; i < labels.length; i++) {
            weights[i] *= byClass[labels[i]];
        }
        return weights;
    }
}
