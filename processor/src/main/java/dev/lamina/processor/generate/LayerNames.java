package dev.lamina.processor.generate;

import dev.lamina.dsl.ParameterSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The identifiers generated for one layer, all derived from the field's name so that the generated
 * code reads in the model's own words: {@code hidden} (its output), {@code hiddenKernel}.
 */
record LayerNames(String value) {

    /** A parameter field: {@code hiddenKernel} for role "kernel". */
    String parameter(String role) {
        return value + Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }

    /** The field holding a dropout layer's mask. */
    String mask() {
        return value + "Mask";
    }

    /** The field of the runtime object that computes a convolution layer. */
    String convolution() {
        return value + "Convolution";
    }

    /** The constant holding a window layer's geometry: {@code CONV1_WINDOW}. */
    String window() {
        return value.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_WINDOW";
    }

    /** Every identifier this layer may take, to detect clashes. */
    Set<String> all(List<ParameterSpec> parameters) {
        Set<String> all = new HashSet<>(Set.of(value, mask(), convolution(), window()));
        parameters.forEach(parameter -> all.add(parameter(parameter.role())));
        return all;
    }
}
