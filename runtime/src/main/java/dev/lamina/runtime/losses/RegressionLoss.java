package dev.lamina.runtime.losses;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.kernels.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The regression losses of Keras, of (batch, outputs) against targets of the same shape: each
 * sample's loss is the mean over its outputs of a function of the error {@code e = output - target}
 * (mean squared error {@code e²}, mean absolute error {@code |e|}, Huber {@code e²/2} up to
 * {@link Loss#HUBER_DELTA} and {@code delta (|e| - delta/2)} beyond), reduced over the batch with the
 * samples' weights (see {@link SampleWeights}).
 *
 * <p>Computed in Java over copies of the arrays, which are a batch's outputs: small, and each ND4J op
 * costs more than the loop.
 */
public final class RegressionLoss {
    private RegressionLoss() {
    }

    /** The loss of {@code outputs} against {@code targets} with each sample's {@code weights} (null for 1). */
    public static double value(Loss loss, INDArray outputs, INDArray targets, INDArray weights) {
        SampleWeights.requireSameShape(outputs, targets);
        double[] o = Buffers.hostValues(outputs);
        double[] y = Buffers.hostValues(targets);
        int width = Math.toIntExact(outputs.size(1));
        double[] perSample = new double[Math.toIntExact(outputs.size(0))];
        for (int i = 0; i < o.length; i++) {
            perSample[i / width] += of(loss, o[i] - y[i]) / width;
        }
        return SampleWeights.reduce(perSample, SampleWeights.of(weights, perSample.length));
    }

    /** The gradient of {@link #value} with respect to the outputs, into {@code gradient}. */
    public static void gradient(Loss loss, INDArray outputs, INDArray targets, INDArray weights, INDArray gradient) {
        SampleWeights.requireSameShape(outputs, targets);
        double[] o = Buffers.hostValues(outputs);
        double[] y = Buffers.hostValues(targets);
        int batch = Math.toIntExact(outputs.size(0));
        int width = Math.toIntExact(outputs.size(1));
        double[] w = SampleWeights.of(weights, batch);
        double[] values = new double[o.length];
        for (int i = 0; i < o.length; i++) {
            values[i] = SampleWeights.weight(w, i / width) * derivative(loss, o[i] - y[i]) / ((double) batch * width);
        }
        SampleWeights.write(values, gradient);
    }

    /** The loss of one output whose error is {@code e}. */
    private static double of(Loss loss, double e) {
        return switch (loss) {
            case MEAN_SQUARED_ERROR -> e * e;
            case MEAN_ABSOLUTE_ERROR -> Math.abs(e);
            case HUBER -> Math.abs(e) <= Loss.HUBER_DELTA ? 0.5 * e * e
                    : Loss.HUBER_DELTA * (Math.abs(e) - 0.5 * Loss.HUBER_DELTA);
            default -> throw new IllegalArgumentException(loss + " is not a regression loss");
        };
    }

    /** Its derivative by the output; the absolute error's is 0 at 0, as the subgradient Keras' backends take. */
    private static double derivative(Loss loss, double e) {
        return switch (loss) {
            case MEAN_SQUARED_ERROR -> 2 * e;
            case MEAN_ABSOLUTE_ERROR -> Math.signum(e);
            case HUBER -> Math.abs(e) <= Loss.HUBER_DELTA ? e : Loss.HUBER_DELTA * Math.signum(e);
            default -> throw new IllegalArgumentException(loss + " is not a regression loss");
        };
    }
}
