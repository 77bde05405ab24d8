package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.processor.check.CheckedLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Multiply: the element-wise product of its inputs; each input's gradient is the product's times the
 * other inputs. The same kernel does both. An input listed twice gets one part per place, which the
 * network adds up as for any output that several layers take.
 */
final class MultiplyWriter extends MergeWriter {

    MultiplyWriter(CheckedLayer layer, LayerNames names) {
        super(layer, names);
    }

    @Override
    String description() {
        return "Multiply(" + sourceNames() + ")";
    }

    @Override
    void forward(CodeBlock.Builder code, List<LayerWriter> inputs) {
        code.addStatement("$T.multiply($L, $L)", RuntimeTypes.MERGE_KERNEL, value(), values(inputs));
    }

    @Override
    void backward(CodeBlock.Builder code, List<LayerWriter> inputs, List<String> inputGradients) {
        if (inputGradients.stream().anyMatch(g -> g != null)) {
            code.add("// Each input's gradient is the product's times the other inputs.\n");
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (inputGradients.get(i) != null) {
                List<LayerWriter> others = new ArrayList<>(inputs);
                others.remove(i);
                code.addStatement("$T.multiply($L, $L, $L)", RuntimeTypes.MERGE_KERNEL, inputGradients.get(i), gradient(),
                        values(others));
            }
        }
    }
}
