package dev.lamina.runtime.losses;

import dev.lamina.runtime.kernels.Activations;
import dev.lamina.runtime.kernels.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Binary crossentropy of (batch, outputs) probabilities or logits against 0/1 targets of the same
 * shape, as Keras' {@code binary_crossentropy}: {@code -(y log p + (1 - y) log(1 - p))} averaged over
 * the outputs of each sample, then reduced over the batch with the samples' weights (see
 * {@link SampleWeights}). Probabilities are clipped to [{@link CrossEntropy#EPSILON}, 1 - EPSILON] as
 * Keras clips them; logits go through the stable {@code max(z, 0) - z y + log(1 + exp(-|z|))}.
 *
 * <p>Computed in Java over copies of the arrays, which are a batch's outputs: small, and each ND4J op
 * costs more than the loop.
 */
public final class BinaryCrossEntropy {
    private BinaryCrossEntropy() {
    }

    /** The loss of sigmoid {@code probabilities}; NaN if any probability is NaN. */
    public static double fromProbabilities(INDArray probabilities, INDArray targets, INDArray weights) {
        SampleWeights.requireSameShape(probabilities, targets);
        double[] p = Buffers.hostValues(probabilities);
        double[] y = Buffers.hostValues(targets);
        int outputs = Math.toIntExact(probabilities.size(1));
        double[] perSample = new double[Math.toIntExact(probabilities.size(0))];
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(p[i])) {
                return Double.NaN; // clipping would hide a diverged network
            }
            double clipped = Math.min(Math.max(p[i], CrossEntropy.EPSILON), 1 - CrossEntropy.EPSILON);
            perSample[i / outputs] -= (y[i] * Math.log(clipped) + (1 - y[i]) * Math.log(1 - clipped)) / outputs;
        }
        return SampleWeights.reduce(perSample, SampleWeights.of(weights, perSample.length));
    }

    /** The loss of {@code logits}, the inputs a sigmoid would turn into probabilities. */
    public static double fromLogits(INDArray logits, INDArray targets, INDArray weights) {
        SampleWeights.requireSameShape(logits, targets);
        double[] z = Buffers.hostValues(logits);
        double[] y = Buffers.hostValues(targets);
        int outputs = Math.toIntExact(logits.size(1));
        double[] perSample = new double[Math.toIntExact(logits.size(0))];
        for (int i = 0; i < z.length; i++) {
            perSample[i / outputs] += (Math.max(z[i], 0) - z[i] * y[i] + Math.log1p(Math.exp(-Math.abs(z[i]))))
                    / outputs;
        }
        return SampleWeights.reduce(perSample, SampleWeights.of(weights, perSample.length));
    }

    /**
     * The gradient with respect to the logits z, given the probabilities {@code sigmoid(z)}:
     * {@code w (p - y) / (batch · outputs)}. This fuses the sigmoid's backward pass with the loss's,
     * exact where the two separate steps would divide by probabilities near 0 or 1.
     */
    public static void sigmoidGradient(INDArray probabilities, INDArray targets, INDArray weights,
                                       INDArray gradient) {
        SampleWeights.requireSameShape(probabilities, targets);
        gradient(Buffers.hostValues(probabilities), false, targets, weights, gradient);
    }

    /** The same gradient for a model that outputs logits: the sigmoid is applied here. */
    public static void logitsGradient(INDArray logits, INDArray targets, INDArray weights, INDArray gradient) {
        SampleWeights.requireSameShape(logits, targets);
        gradient(Buffers.hostValues(logits), true, targets, weights, gradient);
    }

    private static void gradient(double[] outputs, boolean sigmoid, INDArray targets, INDArray weights,
                                 INDArray gradient) {
        double[] y = Buffers.hostValues(targets);
        int batch = Math.toIntExact(targets.size(0));
        int width = Math.toIntExact(targets.size(1));
        double[] w = SampleWeights.of(weights, batch);
        double[] values = new double[outputs.length];
        for (int i = 0; i < values.length; i++) {
            double p = sigmoid ? Activations.sigmoid(outputs[i]) : outputs[i];
            values[i] = SampleWeights.weight(w, i / width) * (p - y[i]) / ((double) batch * width);
        }
        SampleWeights.write(values, gradient);
    }
}
