package dev.lamina.runtime.kernels;

import dev.lamina.dsl.NormalizationSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras' Normalization layer: each feature (the last axis) standardized with the mean and variance
 * measured on the training data by {@link #adapt}. ND4J's ops: it runs once per batch on the model's
 * input, a small share of a step.
 */
public final class NormalizationKernel {
    private NormalizationKernel() {
    }

    /** {@code output = (input - mean) / max(sqrt(variance), epsilon)}, feature by feature. */
    public static void forward(INDArray input, INDArray mean, INDArray variance, INDArray output) {
        long features = mean.length();
        INDArray deviation = Transforms.max(Transforms.sqrt(variance, true), NormalizationSpec.EPSILON, false);
        INDArray rows = output.reshape('c', output.length() / features, features);
        rows.assign(input.reshape('c', input.length() / features, features));
        rows.subiRowVector(mean.reshape(1, features)).diviRowVector(deviation.reshape(1, features));
    }

    /**
     * Sets {@code mean} and {@code variance} (the population's, as Keras' adapt computes it) of each
     * feature over every sample of {@code input}, in double precision, and {@code count} to the number
     * of samples.
     */
    public static void adapt(INDArray input, INDArray mean, INDArray variance, INDArray count) {
        long features = mean.length();
        INDArray rows = input.castTo(DataType.DOUBLE).reshape('c', input.length() / features, features);
        mean.assign(rows.mean(0).castTo(mean.dataType()));
        variance.assign(rows.var(false, 0).castTo(variance.dataType()));
        count.assign(input.size(0));
    }

    /** Whether {@link #adapt} has measured the statistics whose sample count is {@code count}. */
    public static boolean adapted(INDArray count) {
        return count.getDouble(0) > 0;
    }
}
