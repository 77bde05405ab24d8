package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;

/** Average: the element-wise mean of its inputs; each input's gradient is the mean's divided by their count. */
final class AverageWriter extends MergeWriter {

    AverageWriter(CheckedLayer layer, LayerNames names) {
        super(layer, names);
    }

    @Override
    String description() {
        return "Average(" + sourceNames() + ")";
    }

    @Override
    void forward(CodeBlock.Builder code, List<LayerWriter> inputs) {
        code.addStatement("$T.average($L, $L)", RuntimeTypes.MERGE_KERNEL, value(), values(inputs));
    }

    @Override
    void backward(CodeBlock.Builder code, List<LayerWriter> inputs, List<String> inputGradients) {
        for (String inputGradient : inputGradients) {
            if (inputGradient != null) {
                code.addStatement("$L.assign($L).divi($L)", inputGradient, gradient(), inputs.size());
            }
        }
    }
}
