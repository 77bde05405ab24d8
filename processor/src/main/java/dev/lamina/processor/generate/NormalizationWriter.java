package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.dsl.NormalizationSpec;
import dev.lamina.processor.check.CheckedLayer;

/**
 * Normalization: {@code NormalizationKernel}'s calls. It takes the model's input (the checker sees to
 * it), so no gradient flows back through it and it has no backward pass; {@link #adapt} measures its
 * statistics, which {@code fit} runs on its training samples the first time.
 */
final class NormalizationWriter extends LayerWriter {

    NormalizationWriter(CheckedLayer layer, LayerNames names) {
        super(layer, names);
    }

    @Override
    String description() {
        return "Normalization";
    }

    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.add("// (x - mean) / max(sqrt(variance), $L), feature by feature\n", NormalizationSpec.EPSILON);
        code.addStatement("$T.forward($L, $L, $L, $L)", RuntimeTypes.NORMALIZATION_KERNEL, valueOf(previous),
                parameterValue("mean"), parameterValue("variance"), value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        // Nothing before it needs a gradient: it takes the model's input, and its statistics are not trained.
    }

    @Override
    boolean adapts() {
        return true;
    }

    @Override
    void adapt(CodeBlock.Builder code) {
        int features = layer.output().dim(layer.output().rank() - 1);
        code.add("// $L: the mean and variance of each of the $L features over every sample\n", layer.name(), features);
        code.addStatement("$T.adapt(input, $L, $L, $L)", RuntimeTypes.NORMALIZATION_KERNEL, parameterValue("mean"),
                parameterValue("variance"), parameterValue("count"));
    }

    @Override
    CodeBlock adaptedExpression() {
        return CodeBlock.of("$T.adapted($L)", RuntimeTypes.NORMALIZATION_KERNEL, parameterValue("count"));
    }
}
