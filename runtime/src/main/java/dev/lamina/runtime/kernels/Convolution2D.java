package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One Conv2D layer of a network, channels-last, which picks how to compute for its shapes, so that
 * the generated code makes one call shape for every convolution:
 * <ul>
 *   <li>a layer whose input needs no gradient (no trainable layer before it) computes its output and
 *   its kernel's gradient from its input's patches ({@link PatchConvolution}): conv2d_bp would
 *   compute the input's gradient too;</li>
 *   <li>a layer with a small output map (at most {@link #SMALL_MAP_POSITIONS} positions) runs oneDNN's
 *   convolution forward and its gradients as gemms over its input's patches ({@link SmallMapGradients}),
 *   where oneDNN's backward pass leaves its blocking over the map mostly empty;</li>
 *   <li>any other runs oneDNN's convolution forward and backward, its primitives kept
 *   ({@link OneDnnConvolution}).</li>
 * </ul>
 * Each route falls back to ND4J's ops ({@link Conv2DKernel}) where the backend keeps arrays off the
 * host (see {@link HostMemory}) or oneDNN's library is not there. An instance belongs to one layer of one network; its patch arrays are made for
 * the largest batch seen, and {@link #backward} takes the batch of the last {@link #forward}.
 */
public final class Convolution2D {
    /**
     * The largest output map, in positions per sample, whose gradients are gemms over patches: the
     * MNIST CNN's 3x3 map (9) trains faster so, the toy ResNet's 8x8 (64) and 6x6 (36) maps with
     * conv2d_bp, whose training step took a third less than with patches (docs/performance.md).
     */
    static final int SMALL_MAP_POSITIONS = 25;

    /** How a layer computes; package-private for the test that checks each layer gets its own. */
    enum Route { FROM_PATCHES, SMALL_MAP, CONV2D }

    private final DataType dataType;
    private final Window2D window;
    private final Shape input;
    private final Shape output;
    private final Route route;
    private PatchConvolution patchConvolution;
    private SmallMapGradients smallMapGradients;
    private OneDnnConvolution oneDnn;
    private long capacity;

    /**
     * For a layer with {@code window} from {@code input} (height, width, channels) to {@code output}
     * (height', width', filters); {@code inputNeedsGradient} is false for a layer with no trainable
     * layer before it.
     */
    public Convolution2D(DataType dataType, Window2D window, Shape input, Shape output, boolean inputNeedsGradient) {
        this.dataType = dataType;
        this.window = window;
        this.input = input;
        this.output = output;
        this.route = !inputNeedsGradient ? Route.FROM_PATCHES
                : (long) output.dim(0) * output.dim(1) <= SMALL_MAP_POSITIONS ? Route.SMALL_MAP : Route.CONV2D;
    }

    Route route() {
        return route;
    }

    /** Writes {@code activation(conv2d(x, kernel) + bias)} into {@code y}; {@code bias} may be null. */
    public void forward(INDArray x, INDArray kernel, INDArray bias, Activation activation, INDArray y) {
        ensureCapacity(x.size(0));
        if (route == Route.FROM_PATCHES) {
            patchConvolution.forward(x, kernel, bias, activation, y);
        } else if (OneDnnConvolution.runsOn(x, kernel, bias, y)) {
            oneDnn().forward(x, kernel, bias, activation, y);
        } else {
            Conv2DKernel.forward(x, kernel, bias, window, activation, y);
        }
    }

    /**
     * From {@code dz}, the loss gradient with respect to the pre-activation of the last forward
     * pass's output, writes the gradients of the kernel, of the bias (null without one) and of the
     * input (null when it needs none: only then may the layer have been made without input gradient).
     */
    public void backward(INDArray x, INDArray kernel, INDArray bias, INDArray dz, INDArray kernelGradient,
                         INDArray biasGradient, INDArray inputGradient) {
        switch (route) {
            case FROM_PATCHES -> {
                if (inputGradient != null) {
                    throw new IllegalArgumentException("This convolution was made for an input that needs no gradient");
                }
                patchConvolution.backward(dz, kernelGradient, biasGradient);
            }
            case SMALL_MAP -> smallMapGradients.backward(x, kernel, bias, dz, kernelGradient, biasGradient, inputGradient);
            case CONV2D -> {
                if (OneDnnConvolution.runsOn(x, kernel, bias, dz, kernelGradient, biasGradient, inputGradient)) {
                    oneDnn().backward(x, kernel, bias, dz, kernelGradient, biasGradient, inputGradient);
                } else {
                    Conv2DKernel.backward(x, kernel, bias, dz, window, kernelGradient, biasGradient, inputGradient);
                }
            }
        }
    }

    private OneDnnConvolution oneDnn() {
        if (oneDnn == null) {
            oneDnn = new OneDnnConvolution(window, input, output);
        }
        return oneDnn;
    }

    private void ensureCapacity(long batch) {
        if (batch <= capacity) {
            return;
        }
        capacity = batch;
        if (route == Route.FROM_PATCHES) {
            patchConvolution = new PatchConvolution(dataType, window, input.dim(2), output.dim(2), capacity,
                    output.dim(0), output.dim(1));
        } else if (route == Route.SMALL_MAP) {
            smallMapGradients = new SmallMapGradients(dataType, window, input.dim(0), input.dim(1), input.dim(2),
                    capacity);
        }
    }
}
