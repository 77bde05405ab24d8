package dev.lamina.processor.check;

import dev.lamina.dsl.Shape;
import dev.lamina.processor.read.LayerDescription;

/** A layer whose shapes are known: what it receives, what it outputs, how many parameters it has. */
public record CheckedLayer(LayerDescription layer, Shape input, Shape output, long parameters) {

    public String name() {
        return layer.name();
    }
}
