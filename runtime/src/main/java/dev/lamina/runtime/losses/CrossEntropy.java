package dev.lamina.runtime.losses;

import dev.lamina.runtime.kernels.Activations;
import dev.lamina.runtime.kernels.Buffers;
import dev.lamina.runtime.kernels.HostMemory;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Categorical crossentropy against one-hot labels (batch, classes), reduced over the batch as Keras
 * does (each sample's loss times its weight, if the batch has weights, summed and divided by the
 * batch size). The sparse loss is the same one: the training loop turns integer labels into one-hot
 * rows first.
 *
 * <p>On probabilities it clips them to [EPSILON, 1 - EPSILON] as Keras does, so a confident wrong
 * answer costs a large finite loss rather than infinity.
 *
 * <p>The loss values are computed in Java over copies of the (batch, classes) arrays: ND4J's six ops
 * for it cost far more than the work (docs/performance.md).
 */
public final class CrossEntropy {
    /** Keras' backend epsilon, the clipping bound for probabilities. */
    public static final double EPSILON = 1e-7;

    private CrossEntropy() {
    }

    /** The mean loss of {@code probabilities} against {@code labels}; NaN if any probability is NaN. */
    public static double fromProbabilities(INDArray probabilities, INDArray labels) {
        return fromProbabilities(probabilities, labels, null);
    }

    /** The loss of {@code probabilities} against {@code labels} with each sample's {@code weights} (null for 1). */
    public static double fromProbabilities(INDArray probabilities, INDArray labels, INDArray weights) {
        double[] p = Buffers.hostValues(probabilities);
        double[] y = Buffers.hostValues(labels);
        int classes = Math.toIntExact(probabilities.size(1));
        double[] perSample = new double[Math.toIntExact(probabilities.size(0))];
        for (int i = 0; i < p.length; i++) {
            // Clipping would turn NaN into a bound and hide a diverged network.
            if (Double.isNaN(p[i])) {
                return Double.NaN;
            }
            perSample[i / classes] -= y[i] * Math.log(Math.min(Math.max(p[i], EPSILON), 1 - EPSILON));
        }
        return SampleWeights.reduce(perSample, SampleWeights.of(weights, perSample.length));
    }

    /** The mean loss of {@code logits} against {@code labels}, through a numerically stable log-softmax. */
    public static double fromLogits(INDArray logits, INDArray labels) {
        return fromLogits(logits, labels, null);
    }

    /** The loss of {@code logits} against {@code labels} with each sample's {@code weights} (null for 1). */
    public static double fromLogits(INDArray logits, INDArray labels, INDArray weights) {
        double[] z = Buffers.hostValues(logits);
        double[] y = Buffers.hostValues(labels);
        int classes = Math.toIntExact(logits.size(1));
        double[] perSample = new double[Math.toIntExact(logits.size(0))];
        for (int row = 0; row < z.length; row += classes) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = row; j < row + classes; j++) {
                max = Math.max(max, z[j]);
            }
            double exponentials = 0;
            for (int j = row; j < row + classes; j++) {
                exponentials += Math.exp(z[j] - max);
            }
            double logSumExp = max + Math.log(exponentials);
            for (int j = row; j < row + classes; j++) {
                perSample[row / classes] -= y[j] * (z[j] - logSumExp);
            }
        }
        return SampleWeights.reduce(perSample, SampleWeights.of(weights, perSample.length));
    }

    /**
     * The gradient of {@link #fromProbabilities} with respect to the probabilities:
     * {@code -labels / p / batch} (zero where p was clipped, as the clip's own gradient is).
     */
    public static void probabilityGradient(INDArray probabilities, INDArray labels, INDArray gradient) {
        probabilityGradient(probabilities, labels, null, gradient);
    }

    /** The gradient of the weighted loss: each sample's row times its weight (null for 1). */
    public static void probabilityGradient(INDArray probabilities, INDArray labels, INDArray weights,
                                           INDArray gradient) {
        double batch = probabilities.size(0);
        INDArray inRange = probabilities.gte(EPSILON).castTo(gradient.dataType())
                .muli(probabilities.lte(1 - EPSILON).castTo(gradient.dataType()));
        gradient.assign(labels).divi(probabilities).muli(inRange).muli(-1.0 / batch);
        weighRows(gradient, weights);
    }

    /** Multiplies each row of {@code gradient} by its sample's weight, if there are weights. */
    private static void weighRows(INDArray gradient, INDArray weights) {
        if (weights != null) {
            gradient.muliColumnVector(weights.reshape(gradient.size(0), 1).castTo(gradient.dataType()));
        }
    }

    /**
     * The gradient of the crossentropy of {@code softmax(z)} with respect to the logits z, given the
     * probabilities {@code softmax(z)}: {@code (probabilities - labels) / batch}. This fuses the softmax
     * layer's backward pass with the loss's, which is both faster and exact where the two separate
     * steps would divide by tiny probabilities.
     */
    public static void softmaxGradient(INDArray probabilities, INDArray labels, INDArray gradient) {
        softmaxGradient(probabilities, labels, null, gradient);
    }

    /** The gradient of the weighted loss: each sample's row times its weight (null for 1). */
    public static void softmaxGradient(INDArray probabilities, INDArray labels, INDArray weights, INDArray gradient) {
        if (HostMemory.holdsFloats(probabilities, labels, gradient)) {
            probabilitiesMinusLabels(probabilities, false, labels, weights, gradient);
        } else {
            gradient.assign(probabilities).subi(labels).divi(probabilities.size(0));
            weighRows(gradient, weights);
        }
    }

    /** The same gradient for a model that outputs logits: softmax is applied here, into {@code gradient}. */
    public static void logitsGradient(INDArray logits, INDArray labels, INDArray gradient) {
        logitsGradient(logits, labels, null, gradient);
    }

    /** The gradient of the weighted loss from logits: each sample's row times its weight (null for 1). */
    public static void logitsGradient(INDArray logits, INDArray labels, INDArray weights, INDArray gradient) {
        if (HostMemory.holdsFloats(logits, labels, gradient)) {
            probabilitiesMinusLabels(logits, true, labels, weights, gradient);
        } else {
            Nd4j.exec(new SoftMax(logits, gradient, 1));
            gradient.subi(labels).divi(logits.size(0));
            weighRows(gradient, weights);
        }
    }

    /**
     * {@code (p - labels) / batch} into {@code gradient} in a Java loop over copies of the arrays,
     * p being {@code outputs} or their softmax: ND4J's three or four ops for it cost far more.
     */
    private static void probabilitiesMinusLabels(INDArray outputs, boolean softmax, INDArray labels,
                                                 INDArray weights, INDArray gradient) {
        // ND4J's ops would refuse arrays of other shapes; a loop over their memory would not.
        if (!Arrays.equals(outputs.shape(), labels.shape()) || !Arrays.equals(outputs.shape(), gradient.shape())) {
            throw new IllegalArgumentException("The outputs " + Arrays.toString(outputs.shape()) + ", labels "
                    + Arrays.toString(labels.shape()) + " and gradient " + Arrays.toString(gradient.shape())
                    + " must have one shape");
        }
        int length = Math.toIntExact(outputs.length());
        float[] values = HostMemory.floats(outputs);
        float[] targets = HostMemory.floats(labels);
        if (softmax) {
            Activations.softmaxRows(values, length, Math.toIntExact(outputs.size(1)));
        }
        float batch = outputs.size(0);
        int classes = Math.toIntExact(outputs.size(1));
        double[] w = SampleWeights.of(weights, outputs.size(0));
        for (int i = 0; i < length; i++) {
            values[i] = (float) ((values[i] - targets[i]) / batch * SampleWeights.weight(w, i / classes));
        }
        HostMemory.bytes(gradient).asFloatBuffer().put(0, values);
    }
}
