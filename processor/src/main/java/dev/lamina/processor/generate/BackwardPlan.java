package dev.lamina.processor.generate;

import dev.lamina.processor.check.CheckedLayer;
import java.util.List;

/**
 * How far the backward pass goes: it stops at the first trainable layer, since the layers before it
 * (a Flatten or Reshape of the input) need no gradient, and neither does the input, so no kernel
 * computes one.
 */
final class BackwardPlan {
    private final int firstTrainable;

    BackwardPlan(List<CheckedLayer> layers) {
        int first = 0;
        while (first < layers.size() && !layers.get(first).trainable()) {
            first++;
        }
        this.firstTrainable = first;
    }

    /** The first trainable layer, where the backward pass ends. */
    int firstTrainable() {
        return firstTrainable;
    }

    /** Whether the gradient of layer {@code layer}'s output is computed; false for -1, the input. */
    boolean needsGradient(int layer) {
        return layer >= firstTrainable;
    }
}
