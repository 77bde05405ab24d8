package dev.lamina.runtime.kernels;

import dev.lamina.dsl.NormalizationSpec;
import dev.lamina.runtime.data.FeatureRows;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
        Moments.of(input.castTo(DataType.DOUBLE), mean.length()).assignTo(mean, variance);
        count.assign(input.size(0));
    }

    /**
     * {@link #adapt(INDArray, INDArray, INDArray, INDArray)} over a dataset's rows, read
     * {@value #CHUNK_VALUES} values at a time at most, so that features larger than the memory (a
     * mapped file) are measured too; the chunks' moments are merged exactly (Chan et al.).
     */
    public static void adapt(FeatureRows rows, INDArray mean, INDArray variance, INDArray count) {
        adapt(rows, mean, variance, count, CHUNK_VALUES);
    }

    /** {@link #adapt(FeatureRows, INDArray, INDArray, INDArray)} reading at most {@code chunkValues} values at a time. */
    static void adapt(FeatureRows rows, INDArray mean, INDArray variance, INDArray count, long chunkValues) {
        int chunk = (int) Math.max(1, chunkValues / rows.rowLength());
        Moments total = null;
        for (int from = 0; from < rows.size(); from += chunk) {
            int to = Math.min(rows.size(), from + chunk);
            Moments part = Moments.of(doubles(rows, from, to), mean.length());
            total = total == null ? part : total.merge(part);
        }
        total.assignTo(mean, variance);
        count.assign(rows.size());
    }

    /** The most values {@link #adapt(FeatureRows, INDArray, INDArray, INDArray)} holds at once, in doubles: 64 MB. */
    static final long CHUNK_VALUES = 8L << 20;

    private static INDArray doubles(FeatureRows rows, int from, int to) {
        INDArray view = rows.view(from, to);
        if (view != null) {
            return view.castTo(DataType.DOUBLE);
        }
        INDArray copy = Nd4j.create(DataType.DOUBLE, to - from, rows.rowLength());
        rows.copy(IntStream.range(from, to).toArray(), copy, null);
        return copy;
    }

    /** Each feature's sample count, mean and sum of squared deviations, in double. */
    private record Moments(long n, INDArray mean, INDArray squares) {
        static Moments of(INDArray values, long features) {
            INDArray rows = values.reshape('c', values.length() / features, features);
            INDArray mean = rows.mean(0);
            return new Moments(rows.size(0), mean, rows.var(false, 0).muli(rows.size(0)));
        }

        Moments merge(Moments other) {
            long total = n + other.n;
            INDArray delta = other.mean.sub(mean);
            INDArray merged = mean.add(delta.mul((double) other.n / total));
            INDArray sum = squares.add(other.squares).addi(delta.mul(delta).muli((double) n * other.n / total));
            return new Moments(total, merged, sum);
        }

        void assignTo(INDArray meanOut, INDArray varianceOut) {
            meanOut.assign(mean.castTo(meanOut.dataType()));
            varianceOut.assign(squares.div(n).castTo(varianceOut.dataType()));
        }
    }

    /** Whether {@link #adapt} has measured the statistics whose sample count is {@code count}. */
    public static boolean adapted(INDArray count) {
        return count.getDouble(0) > 0;
    }
}
