package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalization over the last axis, as Keras' {@code layers.BatchNormalization}
 * ({@code keras/src/layers/normalization/batch_normalization.py}): each channel becomes
 * {@code gamma * (x - mean) / sqrt(variance + epsilon) + beta}, with the batch's mean and biased
 * variance over every other axis while training and the moving statistics otherwise. All through
 * ND4J ops, so it runs alike with the Java loops over host memory on or off, in float or double.
 *
 * <p>Unlike Keras, whose call in training mode assigns the moving statistics at once, the forward
 * pass only records the batch's statistics; {@link #updateMovingStatistics} applies Keras' update
 * with the optimizer's step, where no inference pass is reading them.
 */
public final class BatchNormKernel {
    private BatchNormKernel() {
    }

    /**
     * Writes the normalized {@code x} (batch, ..., channels) into {@code y}, of its shape. While
     * {@code training}, normalizes with the batch's statistics and records them in {@code batch};
     * otherwise with the moving ones, and {@code batch} is untouched. {@code gamma} or {@code beta}
     * null: not scaled, not centered.
     */
    public static void forward(INDArray x, INDArray gamma, INDArray beta, INDArray movingMean,
                               INDArray movingVariance, double epsilon, boolean training, BatchStatistics batch,
                               INDArray y) {
        INDArray x2 = channelColumns(x);
        INDArray y2 = channelColumns(y);
        INDArray mean;
        INDArray inverseDeviation;
        if (training) {
            // Keras' ops.moments: the mean and the biased variance over every axis but the channels'.
            x2.mean(batch.mean, 0);
            batch.variance.assign(x2.var(false, 0));
            inverseDeviation(batch.variance, epsilon, batch.inverseDeviation);
            mean = batch.mean;
            inverseDeviation = batch.inverseDeviation;
        } else {
            mean = movingMean;
            inverseDeviation = inverseDeviation(movingVariance, epsilon, movingVariance.ulike());
        }
        INDArray scale = gamma == null ? inverseDeviation : inverseDeviation.mul(gamma);
        y2.assign(x2).subiRowVector(mean).muliRowVector(scale);
        if (beta != null) {
            y2.addiRowVector(beta);
        }
    }

    /**
     * The gradients of the last training forward pass, from its input {@code x}, {@code gamma} (or
     * null) and {@code batch}, and the output's gradient {@code dy}: gamma's and beta's (each
     * skipped where null) and the input's (skipped if {@code dx} is null). With n values per channel
     * and x̂ = (x - mean) / sqrt(variance + epsilon), the batch's statistics being functions of x:
     * <pre>
     * dbeta  = sum(dy)
     * dgamma = sum(dy * x̂)
     * dx     = gamma / sqrt(variance + epsilon) * (dy - dbeta / n - x̂ * dgamma / n)
     * </pre>
     */
    public static void backward(INDArray x, INDArray gamma, BatchStatistics batch, INDArray dy, INDArray dGamma,
                                INDArray dBeta, INDArray dx) {
        INDArray x2 = channelColumns(x);
        INDArray dy2 = channelColumns(dy);
        long n = x2.size(0);
        INDArray normalized = x2.subRowVector(batch.mean).muliRowVector(batch.inverseDeviation);
        INDArray sumDy = dy2.sum(0);
        INDArray sumDyNormalized = dy2.mul(normalized).sum(0);
        if (dGamma != null) {
            dGamma.assign(sumDyNormalized);
        }
        if (dBeta != null) {
            dBeta.assign(sumDy);
        }
        if (dx != null) {
            INDArray scale = gamma == null ? batch.inverseDeviation : batch.inverseDeviation.mul(gamma);
            channelColumns(dx).assign(normalized.muliRowVector(sumDyNormalized.divi(-n)))
                    .addi(dy2).addiRowVector(sumDy.divi(-n)).muliRowVector(scale);
        }
    }

    /**
     * Moves the moving statistics towards the last training batch's, as Keras' call in training mode:
     * {@code moving = moving * momentum + batch * (1 - momentum)}, the variance the biased one
     * (keras/src/layers/normalization/batch_normalization.py, {@code BatchNormalization.call}).
     */
    public static void updateMovingStatistics(BatchStatistics batch, double momentum, INDArray movingMean,
                                              INDArray movingVariance) {
        movingMean.muli(momentum).addi(batch.mean.mul(1 - momentum));
        movingVariance.muli(momentum).addi(batch.variance.mul(1 - momentum));
    }

    /** {@code array} (batch, ..., channels) as (values per channel, channels): a view. */
    private static INDArray channelColumns(INDArray array) {
        long channels = array.size(array.rank() - 1);
        return array.rank() == 2 ? array : Buffers.reshape(array, array.length() / channels, channels);
    }

    /** 1 / sqrt(variance + epsilon) into {@code result}. */
    private static INDArray inverseDeviation(INDArray variance, double epsilon, INDArray result) {
        result.assign(variance).addi(epsilon);
        Transforms.sqrt(result, false);
        return result.rdivi(1.0);
    }
}
