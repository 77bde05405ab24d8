package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;

/** Add: the sum of its inputs; each input's gradient is the sum's. */
final class AddWriter extends MergeWriter {

    AddWriter(CheckedLayer layer, LayerNames names) {
        super(layer, names);
    }

    @Override
    String description() {
        return "Add(" + sourceNames() + ")";
    }

    @Override
    void forward(CodeBlock.Builder code, List<LayerWriter> inputs) {
        code.addStatement("$T.add($L, $L)", RuntimeTypes.MERGE_KERNEL, value(), values(inputs));
    }

    @Override
    void backward(CodeBlock.Builder code, List<LayerWriter> inputs, List<String> inputGradients) {
        for (String inputGradient : inputGradients) {
            if (inputGradient != null) {
                code.addStatement("$L.assign($L)", inputGradient, gradient());
            }
        }
    }
}
