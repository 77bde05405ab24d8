package dev.lamina.processor.generate;

import dev.lamina.dsl.Model;
import dev.lamina.processor.check.CheckedLayer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which gradients the backward pass computes, and how the parts of one are put together. The
 * gradient of a layer's output is computed only where it leads somewhere: the layer reaches the
 * model's output and it or a layer before it is trainable (the layers before the first trainable one,
 * a Flatten or Reshape of the input, need none, and neither does the input). Where several layers
 * take one layer's output, its gradient is the sum of their parts: the first part the backward pass
 * computes (the one from the last of them) is written into it, and every later part is computed
 * into an array of its own and added.
 */
final class BackwardPlan {
    /** An input of a layer: the {@code input}-th name of its sources. */
    private record Edge(int layer, int input) {
    }

    private final List<CheckedLayer> layers;
    private final Map<String, Integer> positions = new HashMap<>();
    private final boolean[] computed;
    private final Set<Edge> writers = new HashSet<>();

    BackwardPlan(List<CheckedLayer> layers) {
        this.layers = layers;
        int count = layers.size();
        for (int i = 0; i < count; i++) {
            positions.put(layers.get(i).name(), i);
        }
        boolean[] reachesOutput = new boolean[count];
        reachesOutput[count - 1] = true;
        for (int i = count - 1; i >= 0; i--) {
            for (String source : layers.get(i).sources()) {
                if (reachesOutput[i] && position(source) >= 0) {
                    reachesOutput[position(source)] = true;
                }
            }
        }
        computed = new boolean[count];
        boolean[] afterTrainable = new boolean[count];
        for (int i = 0; i < count; i++) {
            afterTrainable[i] = layers.get(i).trainable()
                    || layers.get(i).sources().stream().anyMatch(source -> position(source) >= 0 && afterTrainable[position(source)]);
            computed[i] = reachesOutput[i] && afterTrainable[i];
        }
        Set<Integer> written = new HashSet<>();
        for (int i = count - 1; i >= 0; i--) {
            for (int input = 0; computed[i] && input < layers.get(i).sources().size(); input++) {
                int source = position(layers.get(i).sources().get(input));
                if (computesGradient(source) && written.add(source)) {
                    writers.add(new Edge(i, input));
                }
            }
        }
    }

    /** Whether the gradient of layer {@code layer}'s output is computed; false for -1, the input. */
    boolean computesGradient(int layer) {
        return layer >= 0 && computed[layer];
    }

    /** The position of the layer named {@code name}; -1 for the model's input. */
    int position(String name) {
        return name.equals(Model.INPUT) ? -1 : positions.get(name);
    }

    /** The position of the layer whose output is {@code layer}'s {@code input}-th input; -1 for the model's input. */
    int source(int layer, int input) {
        return position(layers.get(layer).sources().get(input));
    }

    /** Whether the gradient of {@code layer}'s {@code input}-th input is computed. */
    boolean inputNeedsGradient(int layer, int input) {
        return computesGradient(source(layer, input));
    }

    /**
     * Whether the part of the gradient of {@code layer}'s {@code input}-th input that flows back from
     * {@code layer} is written into that input's gradient, being the first; otherwise it is added.
     */
    boolean writesInputGradient(int layer, int input) {
        return writers.contains(new Edge(layer, input));
    }

    /** How many layers take {@code layer}'s output (a merge that lists it twice counts twice). */
    long consumers(int layer) {
        String name = layers.get(layer).name();
        return layers.stream().flatMap(l -> l.sources().stream()).filter(name::equals).count();
    }
}
