package dev.lamina.processor.generate;

import dev.lamina.dsl.Activation;
import java.util.List;

/**
 * Which outputs and gradients the backward pass needs. It stops at the first layer with parameters:
 * layers before it (Flatten, Reshape of the input) need no gradient, and neither does the input, so
 * no kernel computes one.
 */
final class BackwardPlan {
    private final List<LayerWriter> layers;
    private final int firstTrainable;
    private final boolean[] needsValue;

    BackwardPlan(List<LayerWriter> layers) {
        this.layers = layers;
        int first = 0;
        while (first < layers.size() && !layers.get(first).hasParameters()) {
            first++;
        }
        this.firstTrainable = first;
        this.needsValue = new boolean[layers.size()];
        int last = layers.size() - 1;
        needsValue[last] = true;
        for (int i = last; i >= 0; i--) {
            LayerWriter layer = layers.get(i);
            boolean inBackward = i >= firstTrainable;
            if (inBackward && layer.ownsBuffer() && layer.backwardNeedsInput() && i > 0) {
                needsValue[i - 1] = true;
            }
            if (inBackward && layer.activation() != Activation.LINEAR) {
                needsValue[i] = true;
            }
            if (needsValue[i] && !layer.ownsBuffer() && i > 0) {
                needsValue[i - 1] = true;
            }
        }
    }

    /** The first layer with parameters, where the backward pass ends. */
    int firstTrainable() {
        return firstTrainable;
    }

    boolean needsValue(int layer) {
        return needsValue[layer];
    }

    /** Whether the gradient of layer {@code layer}'s output is computed; false for -1, the input. */
    boolean needsGradient(int layer) {
        return layer >= firstTrainable;
    }

    /** The local holding layer {@code layer}'s input. */
    String inputOf(int layer) {
        return layer == 0 ? "input" : layers.get(layer - 1).names().value();
    }

    /** The local holding the gradient of layer {@code layer}'s input. */
    String inputGradientOf(int layer) {
        return layers.get(layer - 1).names().gradient();
    }
}
