package dev.lamina.runtime.optimizers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable array with the array its gradient is written to.
 *
 * @param name the name shown to users, {@code "hidden/kernel"}
 */
public record Parameter(String name, INDArray value, INDArray gradient) {
}
