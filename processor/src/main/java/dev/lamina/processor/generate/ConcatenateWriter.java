package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.dsl.ConcatenateSpec;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;

/** Concatenate: its inputs side by side along one axis; each input's gradient is its slice of the output's. */
final class ConcatenateWriter extends MergeWriter {
    /** The axis of the arrays, whose first is the batch. */
    private final int axis;

    ConcatenateWriter(CheckedLayer layer, LayerNames names, ConcatenateSpec spec) {
        super(layer, names);
        this.axis = spec.index(layer.output().rank()) + 1;
    }

    @Override
    String description() {
        return "Concatenate(" + sourceNames() + ", axis " + axis + ")";
    }

    @Override
    void forward(CodeBlock.Builder code, List<LayerWriter> inputs) {
        code.addStatement("$T.concatenate($L, $L, $L)", RuntimeTypes.MERGE_KERNEL, axis, value(), values(inputs));
    }

    @Override
    void backward(CodeBlock.Builder code, List<LayerWriter> inputs, List<String> inputGradients) {
        String widths = String.join(", ", layer.inputs().stream().map(shape -> String.valueOf(shape.dim(axis - 1))).toList());
        code.addStatement("$T.split($L, $L, new int[] {$L}, $L)", RuntimeTypes.MERGE_KERNEL, axis, gradient(), widths,
                String.join(", ", inputGradients.stream().map(g -> g == null ? "null" : g).toList()));
    }
}
