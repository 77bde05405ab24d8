package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One MaxPool2D or AveragePool2D layer of a network, channels-last: oneDNN's pooling with its
 * primitives kept ({@link OneDnnPooling}), ND4J's ops ({@link Pool2DKernel}) where oneDNN cannot run
 * (see {@link OneDnn#runsOn}). An instance belongs to one layer of one network; {@link #backward}
 * takes the input of the last training {@link #forward} of its batch size, as a training step does.
 */
public final class Pooling2D {
    private final Pooling pooling;
    private final Window2D window;
    private final Shape input;
    private final Shape output;
    private OneDnnPooling oneDnn;

    /** For a layer pooling {@code input} (height, width, channels) into {@code output} (height', width', channels) with {@code window}. */
    public Pooling2D(Pooling pooling, Window2D window, Shape input, Shape output) {
        this.pooling = pooling;
        this.window = window;
        this.input = input;
        this.output = output;
    }

    /**
     * Pools {@code x} into {@code y}; {@code training} when a backward pass follows, for which max
     * pooling keeps where each maximum was.
     */
    public void forward(INDArray x, INDArray y, boolean training) {
        if (OneDnn.runsOn(x, y)) {
            oneDnn().forward(x, y, training);
        } else {
            Pool2DKernel.forward(pooling, x, window, y);
        }
    }

    /** From {@code dy}, the gradient of the output, writes the gradient of the input {@code x} into {@code dx}. */
    public void backward(INDArray x, INDArray dy, INDArray dx) {
        // oneDNN's max pooling needs where the last forward pass found the maxima: without one on x
        // (it ran through ND4J's ops), ND4J's backward op finds them again.
        if (!(OneDnn.runsOn(x, dy, dx) && oneDnn().backward(x, dy, dx))) {
            Pool2DKernel.backward(pooling, x, dy, window, dx);
        }
    }

    /** Whether oneDNN computed this layer (for the test that checks the fast path ran). */
    boolean ranOnOneDnn() {
        return oneDnn != null;
    }

    private OneDnnPooling oneDnn() {
        if (oneDnn == null) {
            oneDnn = new OneDnnPooling(pooling, window, input, output);
        }
        return oneDnn;
    }
}
