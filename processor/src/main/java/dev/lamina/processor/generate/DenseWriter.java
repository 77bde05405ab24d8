package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.processor.check.CheckedLayer;

/** Dense: {@code DenseKernel}'s calls on its kernel and bias. */
final class DenseWriter extends LayerWriter {
    private final DenseSpec spec;

    DenseWriter(CheckedLayer layer, LayerNames names, DenseSpec spec) {
        super(layer, names);
        this.spec = spec;
    }

    @Override
    String description() {
        return "Dense(" + spec.units() + ", " + spec.activation().name().toLowerCase()
                + (spec.useBias() ? "" : ", no bias") + regularization() + ")";
    }

    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.addStatement("$T.forward($L, $L, $L, $T.$L, $L, training)", RuntimeTypes.DENSE_KERNEL, valueOf(previous),
                parameterValue("kernel"), parameterValue("bias"), RuntimeTypes.ACTIVATION, activation().name(), value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        activationBackward(code, preActivation);
        code.addStatement("$T.backward($L, $L, $L, $L, $L, $L)", RuntimeTypes.DENSE_KERNEL, input,
                parameterValue("kernel"), gradient(), parameterGradient("kernel"), parameterGradient("bias"),
                inputGradient);
    }
}
