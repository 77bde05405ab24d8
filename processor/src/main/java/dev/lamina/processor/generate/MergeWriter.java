package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.dsl.Model;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;

/**
 * A layer that takes several layers' outputs (Add, Multiply, Average, Concatenate): its forward and
 * backward statements are over the list of its inputs rather than one.
 */
abstract class MergeWriter extends LayerWriter {

    protected MergeWriter(CheckedLayer layer, LayerNames names) {
        super(layer, names);
    }

    /** Computes the output from {@code inputs}' outputs (null for the model's input), in the order the annotation lists them. */
    abstract void forward(CodeBlock.Builder code, List<LayerWriter> inputs);

    /**
     * Propagates the output's gradient to each input whose gradient expression in
     * {@code inputGradients} is not null, writing it there; {@code inputs} are the layers whose outputs
     * it took (null for the model's input), in the order the annotation lists them.
     */
    abstract void backward(CodeBlock.Builder code, List<LayerWriter> inputs, List<String> inputGradients);

    @Override
    final void forward(CodeBlock.Builder code, LayerWriter previous) {
        throw new IllegalStateException(layer.name() + " merges several inputs");
    }

    @Override
    final void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        throw new IllegalStateException(layer.name() + " merges several inputs");
    }

    /** {@code "c4.value(), block1.value()"}: the inputs' values, in order. */
    static String values(List<LayerWriter> inputs) {
        return String.join(", ", inputs.stream().map(LayerWriter::valueOf).toList());
    }

    /** The names of the inputs, for comments: {@code c4 and block1}. */
    String sourceNames() {
        List<String> sources = layer.sources().stream().map(s -> s.equals(Model.INPUT) ? "the input" : s).toList();
        return String.join(", ", sources.subList(0, sources.size() - 1)) + " and " + sources.get(sources.size() - 1);
    }
}
