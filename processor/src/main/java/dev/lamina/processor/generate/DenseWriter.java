package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.dsl.Activation;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.processor.check.CheckedLayer;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Dense: a kernel (in, units) and a bias (units), Glorot-uniform and zeros as in Keras. */
final class DenseWriter extends LayerWriter {
    private final DenseSpec spec;
    private final int inputs;

    DenseWriter(CheckedLayer layer, LayerNames names, DenseSpec spec) {
        super(layer, names);
        this.spec = spec;
        this.inputs = layer.input().dim(0);
    }

    @Override
    String description() {
        return "Dense(" + spec.units() + ", " + spec.activation().name().toLowerCase()
                + (spec.useBias() ? "" : ", no bias") + ")";
    }

    @Override
    boolean ownsBuffer() {
        return true;
    }

    @Override
    void addParameterFields(TypeSpec.Builder type) {
        type.addField(parameterField(names.parameter("kernel"), layer.name() + "'s kernel, (" + inputs + ", " + spec.units() + ")."));
        type.addField(parameterField(names.parameterGradient("kernel"), "The gradient of " + names.parameter("kernel") + "."));
        if (spec.useBias()) {
            type.addField(parameterField(names.parameter("bias"), layer.name() + "'s bias, (" + spec.units() + ")."));
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
        code.addStatement("$N = $T.glorotUniform(random, dataType, $L, $L)", names.parameter("kernel"),
                RuntimeTypes.INITIALIZERS, inputs, spec.units());
        code.addStatement("$N = $T.zeros(dataType, $L, $L)", names.parameterGradient("kernel"),
                RuntimeTypes.INITIALIZERS, inputs, spec.units());
        if (spec.useBias()) {
            code.addStatement("$N = $T.zeros(dataType, $L)", names.parameter("bias"), RuntimeTypes.INITIALIZERS, spec.units());
            code.addStatement("$N = $T.zeros(dataType, $L)", names.parameterGradient("bias"), RuntimeTypes.INITIALIZERS, spec.units());
        }
    }

    @Override
    List<CodeBlock> parameterEntries() {
        List<CodeBlock> entries = new ArrayList<>();
        entries.add(CodeBlock.of("new $T($S, $N, $N)", RuntimeTypes.PARAMETER, layer.name() + "/kernel",
                names.parameter("kernel"), names.parameterGradient("kernel")));
        if (spec.useBias()) {
            entries.add(CodeBlock.of("new $T($S, $N, $N)", RuntimeTypes.PARAMETER, layer.name() + "/bias",
                    names.parameter("bias"), names.parameterGradient("bias")));
        }
        return entries;
    }

    @Override
    CodeBlock valueDeclaration(String input) {
        return CodeBlock.of("$T $N = $T.rows($N, batch);\n", RuntimeTypes.INDARRAY, names.value(),
                RuntimeTypes.BUFFERS, names.buffer());
    }

    @Override
    CodeBlock gradientDeclaration(String inputGradient) {
        return CodeBlock.of("$T $N = $T.rows($N, batch);\n", RuntimeTypes.INDARRAY, names.gradient(),
                RuntimeTypes.BUFFERS, names.gradientBuffer());
    }

    @Override
    void forward(CodeBlock.Builder code, String input) {
        code.addStatement("$T.forward($N, $N, $L, $T.$L, $N)", RuntimeTypes.DENSE_KERNEL, input,
                names.parameter("kernel"), bias(), RuntimeTypes.ACTIVATION, spec.activation().name(), names.value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        if (!preActivation && spec.activation() != Activation.LINEAR) {
            code.addStatement("$T.backward($T.$L, $N, $N)", RuntimeTypes.ACTIVATIONS, RuntimeTypes.ACTIVATION,
                    spec.activation().name(), names.value(), names.gradient());
        }
        code.addStatement("$T.backward($N, $N, $N, $N, $L, $L)", RuntimeTypes.DENSE_KERNEL, input,
                names.parameter("kernel"), names.gradient(), names.parameterGradient("kernel"),
                spec.useBias() ? names.parameterGradient("bias") : "null",
                inputGradient == null ? "null" : inputGradient);
    }

    private String bias() {
        return spec.useBias() ? names.parameter("bias") : "null";
    }
}
