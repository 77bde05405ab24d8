package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.processor.check.CheckedLayer;

/**
 * Flatten and Reshape: the output is the input seen with another shape, a view of the same memory,
 * and so is its gradient. They cost nothing and have nothing to compute backward.
 */
final class ViewWriter extends LayerWriter {
    private final String description;

    ViewWriter(CheckedLayer layer, LayerNames names, String description) {
        super(layer, names);
        this.description = description;
    }

    @Override
    String description() {
        return description;
    }

    /** A view of the previous layer's output object, so that its gradient is a view too; or of the model's input. */
    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.addStatement("$N.reshape($L)", names.value(), previous == null ? "input" : previous.names().value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
    }
}
