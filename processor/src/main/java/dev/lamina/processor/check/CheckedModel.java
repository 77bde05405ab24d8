package dev.lamina.processor.check;

import dev.lamina.dsl.Shape;
import dev.lamina.processor.read.ModelDescription;
import java.util.List;

/** A model with no errors, every layer's shapes inferred: what the generator works from. */
public record CheckedModel(ModelDescription description, Shape input, List<CheckedLayer> layers) {

    public CheckedLayer last() {
        return layers.get(layers.size() - 1);
    }

    public long parameterCount() {
        return layers.stream().mapToLong(CheckedLayer::parameters).sum();
    }
}
