package dev.lamina.runtime.training;

import dev.lamina.dsl.Shape;
import dev.lamina.runtime.kernels.Buffers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer's output for the current batch and the gradient of the loss with respect to it, which the
 * generated forward and backward passes read and write: {@code hidden.value()}, {@code hidden.gradient()}.
 * Its arrays are made for the largest batch seen, once, and again only if a larger one comes; a
 * smaller batch (the last of an epoch) uses their leading rows. The gradient's array is made the first
 * time the backward pass asks for it, so inference never makes one.
 *
 * <p>A view layer's output (Flatten, Reshape) is no array of its own but its input seen with another
 * shape ({@link #reshape}); so is its gradient.
 */
public final class LayerOutput {
    private final String layer;
    private final String kind;
    private final Shape shape;
    private final DataType dataType;
    private long batch;
    private INDArray valueBuffer;
    private INDArray gradientBuffer;
    private INDArray value;
    private INDArray gradient;
    /** For a view layer: the output it views, or null when it views the model's input. */
    private LayerOutput viewed;

    LayerOutput(String layer, String kind, Shape shape, DataType dataType) {
        this.layer = layer;
        this.kind = kind;
        this.shape = shape;
        this.dataType = dataType;
    }

    /** The layer's name, as the summary shows it. */
    public String layer() {
        return layer;
    }

    /** The layer's kind, {@code "Dense"}. */
    public String kind() {
        return kind;
    }

    /** The shape of one sample of the output. */
    public Shape shape() {
        return shape;
    }

    /** Starts a batch of {@code samples}: the views of the arrays follow it. */
    void startBatch(long samples) {
        if (samples == batch) {
            return;
        }
        batch = samples;
        value = null;
        gradient = null;
    }

    /** The output, (batch, shape...). */
    public INDArray value() {
        if (value == null) {
            valueBuffer = grown(valueBuffer);
            value = Buffers.rows(valueBuffer, batch);
        }
        return value;
    }

    /** The gradient of the loss with respect to the output, (batch, shape...). */
    public INDArray gradient() {
        if (gradient == null) {
            if (viewed != null) {
                gradient = Buffers.reshape(viewed.gradient(), shape.withBatch(batch));
            } else {
                gradientBuffer = grown(gradientBuffer);
                gradient = Buffers.rows(gradientBuffer, batch);
            }
        }
        return gradient;
    }

    /** Makes this view layer's output {@code input} (the model's input) seen with this layer's shape. */
    public void reshape(INDArray input) {
        viewed = null;
        value = Buffers.reshape(input, shape.withBatch(input.size(0)));
    }

    /** Makes this view layer's output, and its gradient, {@code input}'s seen with this layer's shape. */
    public void reshape(LayerOutput input) {
        viewed = input;
        value = Buffers.reshape(input.value(), shape.withBatch(batch));
    }

    private INDArray grown(INDArray buffer) {
        return buffer != null && buffer.size(0) >= batch ? buffer : Nd4j.create(dataType, shape.withBatch(batch));
    }
}
