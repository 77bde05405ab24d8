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
 * whole batch-1 prediction some 40. Only small float32 inputs (a request's) are copied.
 */
final class RequestInput {
    /** The most values copied: 32 images of 32 x 32 x 3, well beyond a request of the reference models. */
    static final long MAX_VALUES = 1L << 17;

    private INDArray kept;

    /** {@code features} copied into the kept array, or {@code features} itself where no copy is made. */
    INDArray of(INDArray features) {
        if (features.length() > MAX_VALUES || features.dataType() != DataType.FLOAT) {
            return features;
        }
        if (kept == null || kept.dataType() != features.dataType() || !Arrays.equals(kept.shape(), features.shape())) {
            kept = Nd4j.create(features.dataType(), features.shape());
        }
        return Buffers.copyFloats(features, kept) ? kept : features;
    }
}
