package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.dsl.Activation;
import dev.lamina.processor.check.CheckedLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * A layer with a kernel and an optional bias, Dense or Conv2D: Glorot-uniform kernel and zero bias
 * as in Keras, each with an array for its gradient.
 */
abstract class WeightedWriter extends LayerWriter {
    private final long[] kernelShape;
    private final int biasSize;
    private final boolean useBias;

    WeightedWriter(CheckedLayer layer, LayerNames names, long[] kernelShape, int biasSize, boolean useBias) {
        super(layer, names);
        this.kernelShape = kernelShape;
        this.biasSize = biasSize;
        this.useBias = useBias;
    }

    @Override
    void addParameterFields(TypeSpec.Builder type) {
        type.addField(parameterField(names.parameter("kernel"), layer.name() + "'s kernel, (" + dims(kernelShape) + ")."));
        type.addField(parameterField(names.parameterGradient("kernel"), "The gradient of " + names.parameter("kernel") + "."));
        if (useBias) {
            type.addField(parameterField(names.parameter("bias"), layer.name() + "'s bias, (" + biasSize + ")."));
            type.addField(parameterField(names.parameterGradient("bias"), "The gradient of " + names.parameter("bias") + "."));
        }
    }

    private static FieldSpec parameterField(String name, String javadoc) {
        return FieldSpec.builder(RuntimeTypes.INDARRAY, name, Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc(javadoc)
                .build();
    }

    @Override
    void initializeParameters(CodeBlock.Builder code) {
        code.addStatement("$N = $T.glorotUniform(random, dataType, $L)", names.parameter("kernel"),
                RuntimeTypes.INITIALIZERS, dims(kernelShape));
        code.addStatement("$N = $T.zeros(dataType, $L)", names.parameterGradient("kernel"),
                RuntimeTypes.INITIALIZERS, dims(kernelShape));
        if (useBias) {
            code.addStatement("$N = $T.zeros(dataType, $L)", names.parameter("bias"), RuntimeTypes.INITIALIZERS, biasSize);
            code.addStatement("$N = $T.zeros(dataType, $L)", names.parameterGradient("bias"), RuntimeTypes.INITIALIZERS, biasSize);
        }
    }

    @Override
    List<CodeBlock> parameterEntries() {
        List<CodeBlock> entries = new ArrayList<>();
        entries.add(CodeBlock.of("new $T($S, $N, $N)", RuntimeTypes.PARAMETER, layer.name() + "/kernel",
                names.parameter("kernel"), names.parameterGradient("kernel")));
        if (useBias) {
            entries.add(CodeBlock.of("new $T($S, $N, $N)", RuntimeTypes.PARAMETER, layer.name() + "/bias",
                    names.parameter("bias"), names.parameterGradient("bias")));
        }
        return entries;
    }

    /**
     * Turns the gradient of the output into the gradient before the activation, in place, unless the
     * loss already did ({@code preActivation}) or the activation is linear.
     */
    protected void activationBackward(CodeBlock.Builder code, boolean preActivation) {
        if (!preActivation && activation() != Activation.LINEAR) {
            code.addStatement("$T.backward($T.$L, $N, $N)", RuntimeTypes.ACTIVATIONS, RuntimeTypes.ACTIVATION,
                    activation().name(), names.value(), names.gradient());
        }
    }

    /** The bias field, or {@code null} for a layer without one. */
    protected String bias() {
        return useBias ? names.parameter("bias") : "null";
    }

    /** The bias gradient field, or {@code null}. */
    protected String biasGradient() {
        return useBias ? names.parameterGradient("bias") : "null";
    }

    private static String dims(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }
}
