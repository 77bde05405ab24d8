package dev.lamina.processor.check;

import dev.lamina.dsl.ParameterSpec;
import dev.lamina.dsl.Shape;
import dev.lamina.processor.read.LayerDescription;
import java.util.List;

/**
 * A layer whose shapes are known: the layers it takes its inputs from, what it receives, what it
 * outputs, and its parameters as its spec declares them.
 *
 * @param sources the names of the layers whose outputs it takes, in order ({@code Model.INPUT} for the
 *     model's input): one for most layers, several for a merge
 * @param inputs the shapes of those outputs
 */
public record CheckedLayer(LayerDescription layer, List<String> sources, List<Shape> inputs, Shape output,
                           List<ParameterSpec> parameters) {

    public CheckedLayer {
        sources = List.copyOf(sources);
        inputs = List.copyOf(inputs);
    }

    public String name() {
        return layer.name();
    }

    /** The shape it receives: its first input's, the only one but for a merge. */
    public Shape input() {
        return inputs.get(0);
    }

    /** Whether it has parameters the optimizer trains. */
    public boolean trainable() {
        return parameters.stream().anyMatch(ParameterSpec::trainable);
    }
}
