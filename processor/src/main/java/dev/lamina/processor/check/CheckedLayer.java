package dev.lamina.processor.check;

import dev.lamina.dsl.ParameterSpec;
import dev.lamina.dsl.Shape;
import dev.lamina.processor.read.LayerDescription;
import java.util.List;

/** A layer whose shapes are known: what it receives, what it outputs, and its parameters as its spec declares them. */
public record CheckedLayer(LayerDescription layer, Shape input, Shape output, List<ParameterSpec> parameters) {

    public String name() {
        return layer.name();
    }

    /** Whether it has parameters the optimizer trains. */
    public boolean trainable() {
        return parameters.stream().anyMatch(ParameterSpec::trainable);
    }
}
