package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch normalization's statistics of its last training batch, one value per channel: what its
 * backward pass reads and what the update of its moving statistics moves them towards. A network's
 * own arrays, never its parameters, so that a training forward pass writes nothing an inference
 * pass on another thread reads.
 */
public final class BatchStatistics {
    final INDArray mean;
    /** The biased variance, as Keras' moments: the mean squared deviation. */
    final INDArray variance;
    /** 1 / sqrt(variance + epsilon). */
    final INDArray inverseDeviation;

    public BatchStatistics(DataType dataType, int channels) {
        mean = Nd4j.zeros(dataType, channels);
        variance = Nd4j.zeros(dataType, channels);
        inverseDeviation = Nd4j.zeros(dataType, channels);
    }

    /** The batch's mean per channel. */
    public INDArray mean() {
        return mean;
    }

    /** The batch's (biased) variance per channel. */
    public INDArray variance() {
        return variance;
    }
}
