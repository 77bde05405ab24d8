package dev.lamina.runtime.optimizers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A parameter array of a network, with the array its gradient is written to if it is trainable.
 *
 * @param name the name shown to users, the layer's then the parameter's: {@code "hidden/kernel"}
 * @param gradient null for a parameter that is not trained (a moving mean)
 */
public record Parameter(String name, INDArray value, INDArray gradient) {

    /** Whether the optimizer updates it from its gradient. */
    public boolean trainable() {
        return gradient != null;
    }

    /** The name of the layer it belongs to: {@code "hidden"}. */
    public String layer() {
        return name.substring(0, name.lastIndexOf('/'));
    }
}
