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
    /**
     * Whether the layer runs from its input's patches: a first convolution (no layer with parameters
     * before it, so its input needs no gradient) computes its output and its kernel's gradient with
     * a {@code PatchConvolution} of its own, which keeps the patches from the forward pass for the
     * backward pass, rather than through conv2d and ND4J's conv2d_bp, which would compute the
     * input's gradient too.
     */
    private final boolean fromPatches;

    Conv2DWriter(CheckedLayer layer, LayerNames names, Conv2DSpec spec, boolean fromPatches) {
        super(layer, names, kernelShape(layer, spec), spec.filters(), spec.useBias());
        this.spec = spec;
        this.window = spec.window();
        this.fromPatches = fromPatches;
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

    /** Its patches hold what its backward pass needs of its input. */
    @Override
    boolean backwardNeedsInput() {
        return !fromPatches;
    }

    @Override
    void addBufferFields(TypeSpec.Builder type, boolean needsGradient, boolean needsInputGradient) {
        super.addBufferFields(type, needsGradient, needsInputGradient);
        if (fromPatches) {
            type.addField(FieldSpec.builder(RuntimeTypes.PATCH_CONVOLUTION, names.patches(), Modifier.PRIVATE)
                    .addJavadoc(layer.name() + " computed from its input's patches, for up to capacity samples.")
                    .build());
        }
    }

    @Override
    void allocateBuffers(CodeBlock.Builder code, boolean needsGradient, boolean needsInputGradient) {
        super.allocateBuffers(code, needsGradient, needsInputGradient);
        if (fromPatches) {
            int[] out = layer.output().dims();
            code.addStatement("$N = new $T(dataType, $N, $L, $L, capacity, $L, $L)", names.patches(),
                    RuntimeTypes.PATCH_CONVOLUTION, names.window(), layer.input().dim(2), spec.filters(), out[0], out[1]);
        }
    }

    @Override
    void forward(CodeBlock.Builder code, String input) {
        if (fromPatches) {
            code.addStatement("$N.forward($N, $N, $L, $T.$L, $N)", names.patches(), input, names.parameter("kernel"),
                    bias(), RuntimeTypes.ACTIVATION, activation().name(), names.value());
            return;
        }
        code.addStatement("$T.forward($N, $N, $L, $N, $T.$L, $N)", RuntimeTypes.CONV2D_KERNEL, input,
                names.parameter("kernel"), bias(), names.window(), RuntimeTypes.ACTIVATION, activation().name(),
                names.value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        activationBackward(code, preActivation);
        if (fromPatches) {
            code.add("// Its input needs no gradient: the kernel's comes from the patches of the forward pass.\n");
            code.addStatement("$N.backward($N, $N, $L)", names.patches(), names.gradient(),
                    names.parameterGradient("kernel"), biasGradient());
            return;
        }
        code.addStatement("$T.backward($N, $N, $L, $N, $N, $N, $L, $L)", RuntimeTypes.CONV2D_KERNEL, input,
                names.parameter("kernel"), bias(), names.gradient(), names.window(), names.parameterGradient("kernel"),
                biasGradient(), inputGradient);
    }
}
