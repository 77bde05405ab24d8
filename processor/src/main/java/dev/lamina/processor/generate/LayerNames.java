package dev.lamina.processor.generate;

import java.util.Locale;
import java.util.Set;

/**
 * The identifiers generated for one layer, all derived from the field's name so that the generated
 * code reads in the model's own words: {@code hidden}, {@code hiddenKernel}, {@code hiddenBuffer}.
 */
record LayerNames(String value) {

    /** The local holding the gradient of the loss with respect to the layer's output. */
    String gradient() {
        return value + "Gradient";
    }

    /** The field holding the layer's output for a whole batch. */
    String buffer() {
        return value + "Buffer";
    }

    /** The field holding the gradient of the layer's output for a whole batch. */
    String gradientBuffer() {
        return value + "GradientBuffer";
    }

    /** A parameter field: {@code hiddenKernel} for role "kernel". */
    String parameter(String role) {
        return value + Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }

    /** The field holding a parameter's gradient. */
    String parameterGradient(String role) {
        return parameter(role) + "Gradient";
    }

    /** The field holding a dropout layer's mask for a whole batch. */
    String maskBuffer() {
        return value + "MaskBuffer";
    }

    /** The field computing a convolution, or its gradients, from its input's patches (a first one, or one with a small output map). */
    String patches() {
        return value + "Patches";
    }

    /** The constant holding a window layer's geometry: {@code CONV1_WINDOW}. */
    String window() {
        return value.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_WINDOW";
    }

    /** Every identifier this layer may take, to detect clashes. */
    Set<String> all() {
        return Set.of(value, gradient(), buffer(), gradientBuffer(), maskBuffer(), patches(), window(),
                parameter("kernel"), parameterGradient("kernel"), parameter("bias"), parameterGradient("bias"));
    }
}
