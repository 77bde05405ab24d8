package dev.lamina.processor.check;

import dev.lamina.dsl.Model;
import dev.lamina.dsl.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The paths the shapes took through a model, for messages: {@code input (28, 28) -> flat (784) ->
 * hidden}, so the user sees where a long model went wrong; for a merge, one path per branch. A path
 * follows each layer's first input back to the model's input.
 */
final class ShapeTrace {
    /** The margin that lines a merge's second and later paths up under the first, after "  Shapes: ". */
    private static final String BRANCH_MARGIN = "\n          ";
    private final Map<String, String> paths = new HashMap<>();
    private final Map<String, Shape> outputs = new HashMap<>();

    ShapeTrace(Shape input) {
        paths.put(Model.INPUT, "input " + (input == null ? "?" : input));
        outputs.put(Model.INPUT, input);
    }

    /** The outputs of the named layers (null for one whose output is unknown), in order. */
    List<Shape> outputs(List<String> names) {
        List<Shape> shapes = new ArrayList<>();
        names.forEach(name -> shapes.add(outputs.get(name)));
        return shapes;
    }

    /** Records {@code layer}'s output (null if unknown), reached from {@code source} (null if that is unknown). */
    void add(String layer, String source, Shape output) {
        String before = source == null ? "?" : paths.getOrDefault(source, "?");
        paths.put(layer, before + " -> " + layer + " " + (output == null ? "?" : output));
        outputs.put(layer, output);
    }

    /** The path into {@code layer}, the layer at fault, from each of its {@code sources}: one per line. */
    String upTo(List<String> sources, String layer) {
        return sources.stream().map(source -> paths.get(source) + " -> " + layer)
                .collect(Collectors.joining(BRANCH_MARGIN));
    }
}
