package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.Window2D;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Conv2D: a {@code Convolution2D} of its own, which picks how to compute for the layer's shapes and
 * the backend, so every convolution is written with the same calls.
 */
final class Conv2DWriter extends LayerWriter {
    private final Conv2DSpec spec;
    private final Window2D window;
    private final boolean inputNeedsGradient;

    Conv2DWriter(CheckedLayer layer, LayerNames names, Conv2DSpec spec, boolean inputNeedsGradient) {
        super(layer, names);
        this.spec = spec;
        this.window = spec.window();
        this.inputNeedsGradient = inputNeedsGradient;
    }

    @Override
    String description() {
        return "Conv2D(" + spec.filters() + ", " + window + ", " + spec.activation().name().toLowerCase()
                + (spec.useBias() ? "" : ", no bias") + regularization() + ")";
    }

    /** The window's constant, and the layer's {@code Convolution2D}, told its shapes and whether its input needs a gradient. */
    @Override
    List<FieldSpec> otherFields() {
        return List.of(WindowConstants.field(names.window(), window),
                FieldSpec.builder(RuntimeTypes.CONVOLUTION_2D, names.convolution(), Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T(dataType(), $N, $T.of($L), $T.of($L), $L)", RuntimeTypes.CONVOLUTION_2D,
                                names.window(), RuntimeTypes.SHAPE, dims(layer.input().dims()), RuntimeTypes.SHAPE,
                                dims(layer.output().dims()), inputNeedsGradient)
                        .build());
    }

    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.addStatement("$N.forward($L, $L, $L, $T.$L, $L)", names.convolution(), valueOf(previous), parameterValue("kernel"),
                parameterValue("bias"), RuntimeTypes.ACTIVATION, activation().name(), value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        activationBackward(code, preActivation);
        code.addStatement("$N.backward($L, $L, $L, $L, $L, $L, $L)", names.convolution(), input,
                parameterValue("kernel"), parameterValue("bias"), gradient(), parameterGradient("kernel"),
                parameterGradient("bias"), inputGradient);
    }
}
