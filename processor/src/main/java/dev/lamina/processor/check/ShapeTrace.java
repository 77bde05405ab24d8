package dev.lamina.processor.check;

import dev.lamina.dsl.Shape;

/**
 * The path the shapes took through a model, for messages: {@code input (28, 28) -> flat (784) ->
 * hidden}, so the user sees where a long model went wrong.
 */
final class ShapeTrace {
    private final StringBuilder path;

    ShapeTrace(Shape input) {
        path = new StringBuilder("input ").append(input == null ? "?" : input);
    }

    void add(String layer, Shape output) {
        path.append(" -> ").append(layer).append(' ').append(output == null ? "?" : output);
    }

    /** The path so far, ending at {@code layer}, the layer at fault. */
    String upTo(String layer) {
        return path + " -> " + layer;
    }
}
