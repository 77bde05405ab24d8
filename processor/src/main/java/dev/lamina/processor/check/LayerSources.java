package dev.lamina.processor.check;

import dev.lamina.dsl.MergeSpec;
import dev.lamina.dsl.ClosestName;
import dev.lamina.dsl.Model;
import dev.lamina.processor.Diagnostic;
import dev.lamina.processor.read.LayerDescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which layers' outputs each layer takes: the field before it, the one its {@code from} names, or
 * those a merge lists. A name must be a field declared before the layer, or {@link Model#INPUT}, so
 * that a model is acyclic by construction; any other name is an error on the value that names it.
 */
final class LayerSources {
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<LayerDescription> layers;

    LayerSources(List<LayerDescription> layers) {
        this.layers = layers;
        for (int i = 0; i < layers.size(); i++) {
            positions.putIfAbsent(layers.get(i).name(), i);
        }
    }

    /**
     * The sources of the layer at {@code position}, or empty after reporting each name that is none,
     * on the attribute that holds it.
     */
    Optional<List<String>> of(int position, List<Diagnostic> diagnostics) {
        LayerDescription layer = layers.get(position);
        boolean merge = layer.spec() instanceof MergeSpec;
        List<String> named = merge ? ((MergeSpec) layer.spec()).inputs()
                : layer.from().isEmpty() ? List.of(position == 0 ? Model.INPUT : layers.get(position - 1).name())
                : List.of(layer.from());
        String attribute = merge ? "value" : "from";
        // A merge that lists no name has a setting problem already; it has no sources to trace.
        boolean valid = !named.isEmpty();
        for (int i = 0; i < named.size(); i++) {
            String name = named.get(i);
            Optional<String> problem = problem(position, name);
            if (problem.isPresent()) {
                String value = merge ? "\"" + name + "\"" : attribute + " = \"" + name + "\"";
                diagnostics.add(Diagnostic.error(layer.field(), layer.annotation(), attribute, merge ? i : -1,
                        layer.name() + ": " + value + " " + problem.get()));
                valid = false;
            }
        }
        return valid ? Optional.of(named) : Optional.empty();
    }

    private Optional<String> problem(int position, String name) {
        if (name.equals(Model.INPUT)) {
            return Optional.empty();
        }
        Integer source = positions.get(name);
        String layer = layers.get(position).name();
        if (source == null) {
            return Optional.of("names no layer of the model." + closest(name, position)
                    .map(close -> " Did you mean " + (close.equals(Model.INPUT) ? "Model.INPUT" : "\"" + close + "\"") + "?")
                    .orElse(" Name a field declared before " + layer + ", or Model.INPUT for the model's input."));
        }
        if (source == position) {
            return Optional.of("names " + layer + " itself; a layer takes the output of a field declared before it."
                    + " Name one of those, or Model.INPUT for the model's input.");
        }
        if (source > position) {
            return Optional.of("names " + name + ", which is declared after " + layer + "; a layer takes the output of a"
                    + " field declared before it, so that the model has no cycles. Move " + name + "'s field above "
                    + layer + "'s.");
        }
        return Optional.empty();
    }

    /** The name most like {@code name} among those the layer at {@code position} may take, if one is close. */
    private Optional<String> closest(String name, int position) {
        List<String> candidates = new ArrayList<>(List.of(Model.INPUT));
        for (int i = 0; i < position; i++) {
            candidates.add(layers.get(i).name());
        }
        return ClosestName.among(name, candidates);
    }
}
