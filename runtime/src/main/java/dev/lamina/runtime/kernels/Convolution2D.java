package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One Conv2D layer of a network, channels-last, which picks how to compute, so that the generated
 * code makes one call shape for every convolution. Where oneDNN runs (float32 arrays in host
 * memory, see {@link OneDnn#runsOn}), every layer is oneDNN's primitives, made once per batch size
 * and kept ({@link OneDnnConvolution}); a layer whose input needs no gradient computes only its
 * kernel's and bias's. Elsewhere (another backend, or double precision) it takes ND4J's ops by a
 * route chosen for its shapes:
 * <ul>
 *   <li>a layer whose input needs no gradient (no trainable layer before it) computes its output and
 *   its kernel's gradient from its input's patches ({@link PatchConvolution}): conv2d_bp would
 *   compute the input's gradient too;</li>
 *   <li>a layer with a small output map (at most {@link #SMALL_MAP_POSITIONS} positions) runs conv2d
 *   forward and its gradients as gemms over its input's patches ({@link SmallMapGradients});</li>
 *   <li>any other runs ND4J's conv2d and conv2d_bp ({@link Conv2DKernel}).</li>
 * </ul>
 * Measured on the MNIST CNN's layers (batch 64, docs/performance.md), oneDNN called directly beat
 * each of these routes, forward and backward together. An instance belongs to one layer of one network; its arrays are made for
 * the largest batch seen, and {@link #backward} takes the input of the last {@link #forward}.
 */
public final class Convolution2D {
    /**
     * The largest output map, in positions per sample, whose gradients are gemms over patches on
     * ND4J's route: the MNIST CNN's 3x3 map (9) trained faster so, the toy ResNet's 8x8 (64) and 6x6
     * (36) maps with conv2d_bp, whose training step took a third less than with patches
     * (docs/performance.md).
     */
    static final int SMALL_MAP_POSITIONS = 25;

    /** How a layer computes through ND4J's ops; package-private for the test that checks each layer gets its own. */
    enum Route { FROM_PATCHES, SMALL_MAP, CONV2D }

    private final DataType dataType;
    private final Window2D window;
    private final Shape input;
    private final Shape output;
    private final Route route;
    private PatchConvolution patchConvolution;
    private SmallMapGradients smallMapGradients;
    private OneDnnConvolution oneDnn;
    /** Whether the last forward pass ran on oneDNN, whose primitives then compute the gradients. */
    private boolean lastOnOneDnn;
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
        lastOnOneDnn = OneDnn.runsOn(x, kernel, bias, y);
        if (lastOnOneDnn) {
            oneDnn().forward(x, kernel, bias, activation, y);
            return;
        }
        ensureCapacity(x.size(0));
        if (route == Route.FROM_PATCHES) {
            patchConvolution.forward(x, kernel, bias, activation, y);
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
        if (route == Route.FROM_PATCHES && inputGradient != null) {
            throw new IllegalArgumentException("This convolution was made for an input that needs no gradient");
        }
        if (lastOnOneDnn && OneDnn.runsOn(dz, kernelGradient, biasGradient, inputGradient)) {
            oneDnn().backward(x, kernel, bias, dz, kernelGradient, biasGradient, inputGradient);
            return;
        }
        ensureCapacity(x.size(0));
        switch (route) {
            case FROM_PATCHES -> patchConvolution.backward(dz, kernelGradient, biasGradient);
            case SMALL_MAP -> smallMapGradients.backward(x, kernel, bias, dz, kernelGradient, biasGradient, inputGradient);
            case CONV2D -> Conv2DKernel.backward(x, kernel, bias, dz, window, kernelGradient, biasGradient, inputGradient);
        }
    }

    /** Whether the last forward pass ran on oneDNN (for the test that checks the fast path ran). */
    boolean ranOnOneDnn() {
        return lastOnOneDnn;
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
