package dev.lamina.runtime.training;

import dev.lamina.dsl.Shape;
import dev.lamina.runtime.kernels.Buffers;
import java.util.List;
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
 * shape: another layer's output, whose gradient it then views too (unless other layers take that
 * output as well: then its gradient is its own), or the model's input.
 */
public final class LayerOutput {
    private final String layer;
    private final String kind;
    private final Shape shape;
    private final DataType dataType;
    /** What a view layer views: another layer's output; null for a layer with arrays of its own, or a view of the input. */
    private final LayerOutput viewed;
    private final boolean viewsInput;
    /** Whether a view's gradient is an array of its own rather than a view of the viewed output's. */
    private final boolean ownGradient;
    /** The layers whose outputs it takes, as a branching model's network names them; null in a chain. */
    private List<String> sources;
    private long batch;
    private INDArray input;
    private final BatchArray values = new BatchArray();
    private final BatchArray gradients = new BatchArray();
    private INDArray value;
    private INDArray gradient;

    LayerOutput(String layer, String kind, Shape shape, DataType dataType, LayerOutput viewed, boolean viewsInput,
                boolean ownGradient) {
        this.layer = layer;
        this.kind = kind;
        this.shape = shape;
        this.dataType = dataType;
        this.viewed = viewed;
        this.viewsInput = viewsInput;
        this.ownGradient = ownGradient;
    }

    /** The layer's name, as the summary shows it. */
    public String layer() {
        return layer;
    }

    /** The layer's kind, {@code "Dense"}. */
    public String kind() {
        return kind;
    }

    /**
     * The layers whose outputs it takes, for the summary's "Connected to": as the network named them,
     * or what a view views; empty where the network named none (a chain).
     */
    List<String> sources() {
        if (sources != null) {
            return sources;
        }
        return viewsInput ? List.of("input") : viewed != null ? List.of(viewed.layer) : List.of();
    }

    /** Whether the network named its sources: it branches. */
    boolean namesSources() {
        return sources != null;
    }

    void takeFrom(List<String> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The shape of one sample of the output. */
    public Shape shape() {
        return shape;
    }

    /** Starts a batch of the model's {@code input}: the views of the arrays follow its size. */
    void startBatch(INDArray input) {
        this.input = viewsInput ? input : null;
        batch = input.size(0);
        value = null;
        gradient = null;
    }

    /** The output, (batch, shape...). */
    public INDArray value() {
        if (value == null) {
            if (viewsInput || viewed != null) {
                value = Buffers.reshape(viewsInput ? input : viewed.value(), shape.withBatch(batch));
            } else {
                value = values.rows(batch);
            }
        }
        return value;
    }

    /** The gradient of the loss with respect to the output, (batch, shape...). */
    public INDArray gradient() {
        if (gradient == null) {
            if (viewsInput) {
                throw new IllegalStateException(layer + " is a view of the model's input, which has no gradient");
            }
            if (viewed != null && !ownGradient) {
                gradient = Buffers.reshape(viewed.gradient(), shape.withBatch(batch));
            } else {
                gradient = gradients.rows(batch);
            }
        }
        return gradient;
    }

    /**
     * An array made for the largest batch seen, and the view of its leading rows for a smaller batch,
     * kept while the batch size holds. Why: a service's requests are smaller than the batches it
     * evaluated or trained on, and an ND4J view costs 7 to 9 us to make, more than a request's work
     * in a small layer.
     */
    private final class BatchArray {
        private INDArray buffer;
        private INDArray rows;

        INDArray rows(long batch) {
            if (buffer == null || buffer.size(0) < batch) {
                buffer = Nd4j.create(dataType, shape.withBatch(batch));
                rows = null;
            }
            if (rows == null || rows.size(0) != batch) {
                rows = Buffers.rows(buffer, batch);
            }
            return rows;
        }
    }
}
