package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Pooling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastCopyOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.bool.BroadcastEqualTo;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GlobalMaxPooling2D and GlobalAveragePooling2D on a batch, channels-last: (batch, height, width,
 * channels) becomes (batch, channels), into arrays the caller owns. ND4J's reductions and broadcast
 * ops alone, the same on every backend and in any precision.
 */
public final class GlobalPool2DKernel {
    /** The axes pooled over: the height and width of (batch, height, width, channels). */
    private static final int[] HEIGHT_AND_WIDTH = {1, 2};
    /** The axes of the input that the output's (batch, channels) line up with, for broadcasting it back. */
    private static final int[] BATCH_AND_CHANNELS = {0, 3};

    private GlobalPool2DKernel() {
    }

    /** Writes each channel's maximum or mean over the image of {@code x} into {@code y}. */
    public static void forward(Pooling pooling, INDArray x, INDArray y) {
        Nd4j.exec(pooling == Pooling.MAX ? new Max(x, y, HEIGHT_AND_WIDTH) : new Mean(x, y, HEIGHT_AND_WIDTH));
    }

    /**
     * From the output {@code y} and its gradient {@code dy}, writes the gradient of the input
     * {@code x} into {@code dx}. Average: every position gets {@code dy / (height * width)}. Max: the
     * positions where a channel reaches its maximum share its gradient equally, as TensorFlow's
     * (and so Keras') {@code reduce_max} gradient does; the others get 0. A lone maximum, the usual
     * case, gets all of it.
     */
    public static void backward(Pooling pooling, INDArray x, INDArray y, INDArray dy, INDArray dx) {
        if (pooling == Pooling.AVERAGE) {
            Nd4j.exec(new BroadcastCopyOp(dx, dy, dx, BATCH_AND_CHANNELS));
            dx.divi(x.size(1) * x.size(2));
            return;
        }
        INDArray atMaximum = Nd4j.createUninitialized(DataType.BOOL, x.shape());
        Nd4j.exec(new BroadcastEqualTo(x, y, atMaximum, BATCH_AND_CHANNELS));
        dx.assign(atMaximum.castTo(dx.dataType()));
        // Per (sample, channel): its gradient over the number of positions at the maximum, at least 1.
        INDArray share = dy.div(dx.sum(HEIGHT_AND_WIDTH));
        Nd4j.exec(new BroadcastMulOp(dx, share, dx, BATCH_AND_CHANNELS));
    }
}
