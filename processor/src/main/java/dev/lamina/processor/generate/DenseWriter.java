package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.processor.check.CheckedLayer;

/** Dense: a kernel (in, units) and a bias (units). */
final class DenseWriter extends WeightedWriter {
    private final DenseSpec spec;

    DenseWriter(CheckedLayer layer, LayerNames names, DenseSpec spec) {
        super(layer, names, new long[] {layer.input().dim(0), spec.units()}, spec.units(), spec.useBias());
        this.spec = spec;
    }

    @Override
    String description() {
        return "Dense(" + spec.units() + ", " + spec.activation().name().toLowerCase()
                + (spec.useBias() ? "" : ", no bias") + ")";
    }

    @Override
    void forward(CodeBlock.Builder code, String input) {
        code.addStatement("$T.forward($N, $N, $L, $T.$L, $N)", RuntimeTypes.DENSE_KERNEL, input,
                names.parameter("kernel"), bias(), RuntimeTypes.ACTIVATION, spec.activation().name(), names.value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        activationBackward(code, preActivation);
        code.addStatement("$T.backward($N, $N, $N, $N, $L, $L)", RuntimeTypes.DENSE_KERNEL, input,
                names.parameter("kernel"), names.gradient(), names.parameterGradient("kernel"), biasGradient(),
                inputGradient == null ? "null" : inputGradient);
    }
}
