package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.Window2D;
import dev.lamina.processor.check.CheckedLayer;
import javax.lang.model.element.Modifier;

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

    /**
     * A first convolution (its input needs no gradient) computes its kernel's gradient from the
     * input's patches, with a {@code PatchGradients} of its own, rather than through ND4J's
     * conv2d_bp, which would compute the input's gradient too.
     */
    @Override
    void addBufferFields(TypeSpec.Builder type, boolean needsGradient, boolean needsInputGradient) {
        super.addBufferFields(type, needsGradient, needsInputGradient);
        if (!needsInputGradient) {
            type.addField(FieldSpec.builder(RuntimeTypes.PATCH_GRADIENTS, names.patchGradients(), Modifier.PRIVATE)
                    .addJavadoc(layer.name() + "'s kernel and bias gradients from its input's patches, for up to"
                            + " capacity samples.")
                    .build());
        }
    }

    @Override
    void allocateBuffers(CodeBlock.Builder code, boolean needsGradient, boolean needsInputGradient) {
        super.allocateBuffers(code, needsGradient, needsInputGradient);
        if (!needsInputGradient) {
            int[] out = layer.output().dims();
            code.addStatement("$N = new $T(dataType, $N, $L, $L, capacity, $L, $L)", names.patchGradients(),
                    RuntimeTypes.PATCH_GRADIENTS, names.window(), layer.input().dim(2), spec.filters(), out[0], out[1]);
        }
    }

    @Override
    void forward(CodeBlock.Builder code, String input) {
        code.addStatement("$T.forward($N, $N, $L, $N, $T.$L, $N)", RuntimeTypes.CONV2D_KERNEL, input,
                names.parameter("kernel"), bias(), names.window(), RuntimeTypes.ACTIVATION, activation().name(),
                names.value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        activationBackward(code, preActivation);
        if (inputGradient == null) {
            code.add("// Its input needs no gradient: the kernel's comes from the input's patches.\n");
            code.addStatement("$N.compute($N, $N, $N, $L)", names.patchGradients(), input, names.gradient(),
                    names.parameterGradient("kernel"), biasGradient());
            return;
        }
        code.addStatement("$T.backward($N, $N, $L, $N, $N, $N, $L, $L)", RuntimeTypes.CONV2D_KERNEL, input,
                names.parameter("kernel"), bias(), names.gradient(), names.window(), names.parameterGradient("kernel"),
                biasGradient(), inputGradient);
    }
}
