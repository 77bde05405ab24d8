package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.Window2D;
import dev.lamina.processor.check.CheckedLayer;

/** Conv2D: a kernel (kernel height, kernel width, in, filters) and a bias (filters), channels-last. */
final class Conv2DWriter extends WeightedWriter {
    private final Conv2DSpec spec;
    private final Window2D window;

    Conv2DWriter(CheckedLayer layer, LayerNames names, Conv2DSpec spec) {
        super(layer, names, kernelShape(layer, spec), spec.filters(), spec.useBias());
        this.spec = spec;
        this.window = spec.window();
    }

    private static long[] kernelShape(CheckedLayer layer, Conv2DSpec spec) {
        Window2D window = spec.window();
        return new long[] {window.height(), window.width(), layer.input().dim(2), spec.filters()};
    }

    @Override
    String description() {
        return "Conv2D(" + spec.filters() + ", " + window + ", " + spec.activation().name().toLowerCase()
                + (spec.useBias() ? "" : ", no bias") + ")";
    }

    @Override
    void addConstants(TypeSpec.Builder type) {
        WindowConstants.add(type, names.window(), layer.name() + "'s kernel window", window);
    }

    @Override
    void forward(CodeBlock.Builder code, String input) {
        code.addStatement("$T.forward($N, $N, $L, $N, $T.$L, $N)", RuntimeTypes.CONV2D_KERNEL, input,
                names.parameter("kernel"), bias(), names.window(), RuntimeTypes.ACTIVATION, spec.activation().name(),
                names.value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        activationBackward(code, preActivation);
        code.addStatement("$T.backward($N, $N, $L, $N, $N, $N, $L, $L)", RuntimeTypes.CONV2D_KERNEL, input,
                names.parameter("kernel"), bias(), names.gradient(), names.window(), names.parameterGradient("kernel"),
                biasGradient(), inputGradient == null ? "null" : inputGradient);
    }
}
