package dev.lamina.processor.generate;

import dev.lamina.dsl.ParameterSpec;
import dev.lamina.processor.check.CheckedLayer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The identifiers generated for one layer, all derived from the field's name so that the generated
 * code reads in the model's own words: {@code hidden} (its output), {@code hiddenKernel}.
 */
record LayerNames(String value) {

    /**
     * The names of {@code layers}: each its field's, unless one of the identifiers they make is
     * {@code referenced} by the network's code or taken by a layer before it; then the field's name
     * with "Layer" after it ({@code ActivationLayer}), or "Layer3", "Layer4"... until all are free.
     */
    static List<LayerNames> of(List<CheckedLayer> layers, Set<String> referenced) {
        Set<String> taken = new HashSet<>(referenced);
        List<LayerNames> names = new ArrayList<>();
        for (CheckedLayer layer : layers) {
            LayerNames chosen = new LayerNames(layer.name());
            for (int suffix = 2; chosen.all(layer.parameters()).stream().anyMatch(taken::contains); suffix++) {
                chosen = new LayerNames(layer.name() + "Layer" + (suffix == 2 ? "" : suffix));
            }
            taken.addAll(chosen.all(layer.parameters()));
            names.add(chosen);
        }
        return names;
    }

    /**
     * Names that no other code of a network takes ({@code layer$0}, {@code layer$0Kernel}): the
     * writer uses no '$'. A network written with them shows what names the rest of its code refers to.
     */
    static List<LayerNames> placeholders(List<CheckedLayer> layers) {
        return IntStream.range(0, layers.size()).mapToObj(i -> new LayerNames("layer$" + i)).toList();
    }

    /** Every identifier {@code names} make, each for the layer of {@code layers} at its place. */
    static Set<String> all(List<LayerNames> names, List<CheckedLayer> layers) {
        Set<String> all = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            all.addAll(names.get(i).all(layers.get(i).parameters()));
        }
        return all;
    }

    /** A parameter field: {@code hiddenKernel} for role "kernel", {@code bnMovingMean} for Keras' "moving_mean". */
    String parameter(String role) {
        StringBuilder field = new StringBuilder(value);
        for (String word : role.split("_")) {
            field.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return field.toString();
    }

    /** The field holding a dropout layer's mask. */
    String mask() {
        return value + "Mask";
    }

    /** The field holding a random image layer's draws of the last training step. */
    String draws() {
        return value + "Draws";
    }

    /** The field of the runtime object that computes a convolution layer. */
    String convolution() {
        return value + "Convolution";
    }

    /** The field of the runtime object that computes a pooling layer. */
    String pooling() {
        return value + "Pooling";
    }

    /** The field holding a batch normalization's statistics of the last training batch. */
    String batchStatistics() {
        return value + "BatchStatistics";
    }

    /** The constant holding a window layer's geometry: {@code CONV1_WINDOW}. */
    String window() {
        return value.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_WINDOW";
    }

    /** Every identifier this layer may take, to detect clashes. */
    Set<String> all(List<ParameterSpec> parameters) {
        Set<String> all = new HashSet<>(Set.of(value, mask(), convolution(), pooling(), batchStatistics(), window()));
        parameters.forEach(parameter -> all.add(parameter(parameter.role())));
        return all;
    }
}
