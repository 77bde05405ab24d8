package dev.lamina.runtime.training;

import dev.lamina.runtime.kernels.Buffers;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A replica's copy of a request's input, in an array it keeps while the requests' shape holds: the
 * views the forward pass makes of its input (a Flatten's) are then made once, not per request.
 * Why: an ND4J view costs 7 to 9 us to make, a copy of an MNIST image well under one, and MnistMlp's
 * whole batch-1 prediction some 40. Only a request's float32 input is copied: at most
 * {@value InferenceThreads#MAX_SAMPLES} samples (the batches of {@code evaluate} and of a large
 * {@code predict} are not) and {@value #MAX_VALUES} values.
 */
final class RequestInput {
    /** The most values copied: 32 images of 32 x 32 x 3, well beyond a request of the reference models. */
    static final long MAX_VALUES = 1L << 17;

    private INDArray kept;

    /** {@code features} copied into the kept array, or {@code features} itself where no copy is made. */
    INDArray of(INDArray features) {
        if (features.size(0) > InferenceThreads.MAX_SAMPLES || features.length() > MAX_VALUES
                || features.dataType() != DataType.FLOAT) {
            return features;
        }
        if (kept == null || !Arrays.equals(kept.shape(), features.shape())) {
            kept = Nd4j.create(DataType.FLOAT, features.shape());
        }
        return Buffers.copyFloats(features, kept) ? kept : features;
    }
}
