package dev.lamina.runtime.kernels;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalization over the last axis, as Keras' {@code layers.BatchNormalization}
 * ({@code keras/src/layers/normalization/batch_normalization.py}): each channel becomes
 * {@code gamma * (x - mean) / sqrt(variance + epsilon) + beta}, with the batch's mean and biased
 * variance over every other axis while training and the moving statistics otherwise. Float32 arrays
 * in host memory take Java loops ({@link HostBatchNorm}: two passes forward, two backward, no
 * temporaries); others, and every array while the loops are off, ND4J's ops.
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
        if (HostMemory.holdsFloats(x, y, movingMean, movingVariance, batch.mean, batch.variance, batch.inverseDeviation)
                && holdsFloatsOrNull(gamma, beta)) {
            forwardInJava(x, gamma, beta, movingMean, movingVariance, epsilon, training, batch, y);
            return;
        }
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
        if (HostMemory.holdsFloats(x, dy, batch.mean, batch.inverseDeviation) && holdsFloatsOrNull(gamma, dGamma, dBeta, dx)) {
            backwardInJava(x, gamma, batch, dy, dGamma, dBeta, dx);
            return;
        }
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

    private static void forwardInJava(INDArray x, INDArray gamma, INDArray beta, INDArray movingMean,
                                      INDArray movingVariance, double epsilon, boolean training, BatchStatistics batch,
                                      INDArray y) {
        int channels = Math.toIntExact(x.size(x.rank() - 1));
        int rows = Math.toIntExact(x.length() / channels);
        float[] mean;
        float[] variance;
        if (training) {
            mean = new float[channels];
            variance = new float[channels];
            HostBatchNorm.moments(floats(x), rows, channels, mean, variance);
        } else {
            mean = HostMemory.floats(movingMean);
            variance = HostMemory.floats(movingVariance);
        }
        float[] inverseDeviation = new float[channels];
        for (int c = 0; c < channels; c++) {
            inverseDeviation[c] = (float) (1 / Math.sqrt(variance[c] + epsilon));
        }
        if (training) {
            floats(batch.mean).put(0, mean);
            floats(batch.variance).put(0, variance);
            floats(batch.inverseDeviation).put(0, inverseDeviation);
        }
        // gamma (x - mean) / deviation + beta as x * scale + shift.
        float[] gammas = gamma == null ? null : HostMemory.floats(gamma);
        float[] betas = beta == null ? null : HostMemory.floats(beta);
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = gammas == null ? inverseDeviation[c] : inverseDeviation[c] * gammas[c];
            shift[c] = (betas == null ? 0 : betas[c]) - mean[c] * scale[c];
        }
        HostBatchNorm.scaleAndShift(floats(x), floats(y), rows, channels, scale, shift);
    }

    private static void backwardInJava(INDArray x, INDArray gamma, BatchStatistics batch, INDArray dy, INDArray dGamma,
                                       INDArray dBeta, INDArray dx) {
        int channels = Math.toIntExact(x.size(x.rank() - 1));
        int rows = Math.toIntExact(x.length() / channels);
        float[] mean = HostMemory.floats(batch.mean);
        float[] inverseDeviation = HostMemory.floats(batch.inverseDeviation);
        float[] sumDy = new float[channels];
        float[] sumDyCentered = new float[channels];
        HostBatchNorm.gradientSums(floats(x), floats(dy), rows, channels, mean, sumDy, sumDyCentered);
        // sum(dy * x̂) = sum(dy * (x - mean)) / deviation
        float[] sumDyNormalized = new float[channels];
        for (int c = 0; c < channels; c++) {
            sumDyNormalized[c] = sumDyCentered[c] * inverseDeviation[c];
        }
        if (dGamma != null) {
            floats(dGamma).put(0, sumDyNormalized);
        }
        if (dBeta != null) {
            floats(dBeta).put(0, sumDy);
        }
        if (dx == null) {
            return;
        }
        // dx = s (dy - sum(dy) / n - x̂ sum(dy x̂) / n), s = gamma / deviation and x̂ = (x - mean) / deviation,
        // is dy * a + x * b + c with a = s, b = -s sum(dy x̂) / (n deviation), c = -s sum(dy) / n - b mean.
        float[] gammas = gamma == null ? null : HostMemory.floats(gamma);
        float[] a = new float[channels];
        float[] b = new float[channels];
        float[] c = new float[channels];
        for (int k = 0; k < channels; k++) {
            a[k] = gammas == null ? inverseDeviation[k] : inverseDeviation[k] * gammas[k];
            b[k] = -a[k] * sumDyNormalized[k] * inverseDeviation[k] / rows;
            c[k] = -a[k] * sumDy[k] / rows - b[k] * mean[k];
        }
        HostBatchNorm.combine(floats(x), floats(dy), floats(dx), rows, channels, a, b, c);
    }

    private static FloatBuffer floats(INDArray array) {
        return HostMemory.bytes(array).asFloatBuffer();
    }

    private static boolean holdsFloatsOrNull(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array != null && !HostMemory.holdsFloats(array)) {
                return false;
            }
        }
        return true;
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
