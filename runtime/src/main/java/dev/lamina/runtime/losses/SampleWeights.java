package dev.lamina.runtime.losses;

import dev.lamina.runtime.kernels.Buffers;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What every loss shares: Keras' reduction of per-sample losses to the batch's loss, the sum of each
 * sample's loss times its weight divided by the batch size ({@code "sum_over_batch_size"}), and the
 * writing of a gradient computed in Java into the network's array.
 */
final class SampleWeights {
    private SampleWeights() {
    }

    /** Each sample's weight: {@code weights} (batch) or (batch, 1) as Java values, or null for all 1. */
    static double[] of(INDArray weights, long batch) {
        if (weights == null) {
            return null;
        }
        if (weights.length() != batch) {
            throw new IllegalArgumentException("The sample weights " + Arrays.toString(weights.shape())
                    + " must have one value per sample of the batch of " + batch);
        }
        return Buffers.hostValues(weights);
    }

    /** Sample {@code i}'s weight, 1 without weights. */
    static double weight(double[] weights, int i) {
        return weights == null ? 1 : weights[i];
    }

    /** The batch's loss from each sample's: {@code sum(w * loss) / batch}. */
    static double reduce(double[] perSample, double[] weights) {
        double sum = 0;
        for (int i = 0; i < perSample.length; i++) {
            sum += weight(weights, i) * perSample[i];
        }
        return sum / perSample.length;
    }

    /** Writes {@code values}, row-major, into {@code gradient}, whatever its type and memory. */
    static void write(double[] values, INDArray gradient) {
        gradient.assign(Nd4j.create(values, gradient.shape(), 'c').castTo(gradient.dataType()));
    }

    /** Refuses outputs and targets of different shapes, which a loop over their values would mix up silently. */
    static void requireSameShape(INDArray outputs, INDArray targets) {
        if (!Arrays.equals(outputs.shape(), targets.shape())) {
            throw new IllegalArgumentException("The outputs " + Arrays.toString(outputs.shape()) + " and targets "
                    + Arrays.toString(targets.shape()) + " must have one shape");
        }
    }
}
