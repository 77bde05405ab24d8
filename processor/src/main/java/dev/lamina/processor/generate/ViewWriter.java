package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.processor.check.CheckedLayer;

/**
 * Flatten and Reshape: the output is the input seen with another shape, a view of the same memory,
 * and so is its gradient. They cost nothing and have nothing to compute.
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

    @Override
    boolean ownsBuffer() {
        return false;
    }

    @Override
    CodeBlock valueDeclaration(String input) {
        return CodeBlock.of("$T $N = $T.reshape($N, $L);\n", RuntimeTypes.INDARRAY, names.value(),
                RuntimeTypes.BUFFERS, input, batchDims("batch"));
    }

    @Override
    CodeBlock gradientDeclaration(String inputGradient) {
        return CodeBlock.of("$T $N = $T.reshape($N, $L);\n", RuntimeTypes.INDARRAY, names.gradient(),
                RuntimeTypes.BUFFERS, inputGradient, batchDims("batch"));
    }
}
