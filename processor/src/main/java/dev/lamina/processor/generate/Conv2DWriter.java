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
    /**
     * The largest output map, in positions per sample, computed as gemms over patches: oneDNN's
     * convolutions block their work over the map, which a few positions leave mostly empty (the
     * reference CNN's third layer, 3x3, ran its backward pass at some 70 GFLOP/s), while its patches
     * stay small: (kernel cells) x (positions) per sample.
     */
    private static final int SMALL_MAP_POSITIONS = 64;

    private final Conv2DSpec spec;
    private final Window2D window;
    /** How the layer computes: which runtime class, and so which fields and calls it has. */
    private enum Route {
        /** ND4J's conv2d and conv2d_bp, through {@code Conv2DKernel}. */
        CONV2D,
        /**
         * A first convolution (no layer with parameters before it, so its input needs no gradient): a
         * {@code PatchConvolution} of its own computes its output and its kernel's gradient from its
         * input's patches, kept from the forward pass, where conv2d_bp would compute the input's
         * gradient too.
         */
        FIRST_FROM_PATCHES,
        /**
         * A small output map: conv2d forward, and a {@code SmallMapGradients}, gemms over the input's
         * patches, backward, where oneDNN's conv2d_bp leaves its blocking mostly empty.
         */
        SMALL_MAP
    }

    private final Route route;

    Conv2DWriter(CheckedLayer layer, LayerNames names, Conv2DSpec spec, boolean inputNeedsGradient) {
        super(layer, names, kernelShape(layer, spec), spec.filters(), spec.useBias());
        this.spec = spec;
        this.window = spec.window();
        int[] out = layer.output().dims();
        this.route = !inputNeedsGradient ? Route.FIRST_FROM_PATCHES
                : (long) out[0] * out[1] <= SMALL_MAP_POSITIONS ? Route.SMALL_MAP : Route.CONV2D;
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

    /** A first convolution's patches hold what its backward pass needs of its input. */
    @Override
    boolean backwardNeedsInput() {
        return route != Route.FIRST_FROM_PATCHES;
    }

    @Override
    void addBufferFields(TypeSpec.Builder type, boolean needsGradient, boolean needsInputGradient) {
        super.addBufferFields(type, needsGradient, needsInputGradient);
        if (route == Route.FIRST_FROM_PATCHES) {
            type.addField(FieldSpec.builder(RuntimeTypes.PATCH_CONVOLUTION, names.patches(), Modifier.PRIVATE)
                    .addJavadoc(layer.name() + " computed from its input's patches, for up to capacity samples.")
                    .build());
        } else if (route == Route.SMALL_MAP) {
            type.addField(FieldSpec.builder(RuntimeTypes.SMALL_MAP_GRADIENTS, names.patches(), Modifier.PRIVATE)
                    .addJavadoc(layer.name() + "'s gradients, a small output map's, as gemms over its input's patches,"
                            + " for up to capacity samples.")
                    .build());
        }
    }

    @Override
    void allocateBuffers(CodeBlock.Builder code, boolean needsGradient, boolean needsInputGradient) {
        super.allocateBuffers(code, needsGradient, needsInputGradient);
        if (route == Route.FIRST_FROM_PATCHES) {
            int[] out = layer.output().dims();
            code.addStatement("$N = new $T(dataType, $N, $L, $L, capacity, $L, $L)", names.patches(),
                    RuntimeTypes.PATCH_CONVOLUTION, names.window(), layer.input().dim(2), spec.filters(), out[0], out[1]);
        } else if (route == Route.SMALL_MAP) {
            int[] in = layer.input().dims();
            code.addStatement("$N = new $T(dataType, $N, $L, $L, $L, capacity)", names.patches(),
                    RuntimeTypes.SMALL_MAP_GRADIENTS, names.window(), in[0], in[1], in[2]);
        }
    }

    @Override
    void forward(CodeBlock.Builder code, String input) {
        if (route == Route.FIRST_FROM_PATCHES) {
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
        if (route == Route.FIRST_FROM_PATCHES) {
            code.add("// Its input needs no gradient: the kernel's comes from the patches of the forward pass.\n");
            code.addStatement("$N.backward($N, $N, $L)", names.patches(), names.gradient(),
                    names.parameterGradient("kernel"), biasGradient());
            return;
        }
        if (route == Route.SMALL_MAP) {
            code.add("// A small output map: its gradients as gemms over its input's patches.\n");
            code.addStatement("$N.backward($N, $N, $L, $N, $N, $L, $L)", names.patches(), input,
                    names.parameter("kernel"), bias(), names.gradient(), names.parameterGradient("kernel"),
                    biasGradient(), inputGradient);
            return;
        }
        code.addStatement("$T.backward($N, $N, $L, $N, $N, $N, $L, $L)", RuntimeTypes.CONV2D_KERNEL, input,
                names.parameter("kernel"), bias(), names.gradient(), names.window(), names.parameterGradient("kernel"),
                biasGradient(), inputGradient);
    }
}
