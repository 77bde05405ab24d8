package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pool2DSpec;
import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.Window2D;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * MaxPool2D and AveragePool2D: no parameters, a window, and a {@code Pooling2D} of its own, which keeps
 * what its backward pass needs from its forward pass.
 */
final class Pool2DWriter extends LayerWriter {
    private final Pool2DSpec spec;
    private final Window2D window;

    Pool2DWriter(CheckedLayer layer, LayerNames names, Pool2DSpec spec) {
        super(layer, names);
        this.spec = spec;
        this.window = spec.window();
    }

    @Override
    String description() {
        return spec.kind() + "(" + window + ")";
    }

    @Override
    List<FieldSpec> otherFields() {
        return List.of(WindowConstants.field(names.window(), window),
                FieldSpec.builder(RuntimeTypes.POOLING_2D, names.pooling(), Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T($T.$L, $N, $T.of($L), $T.of($L))", RuntimeTypes.POOLING_2D,
                                RuntimeTypes.POOLING, spec.pooling().name(), names.window(), RuntimeTypes.SHAPE,
                                dims(layer.input().dims()), RuntimeTypes.SHAPE, dims(layer.output().dims()))
                        .build());
    }

    /** Whether the layer before may apply its activation after this pool instead: max(f(x)) = f(max(x)). */
    boolean commutesWithActivation() {
        // With SAME padding the window may cover padding cells, which are not f of anything.
        return spec.pooling() == Pooling.MAX && window.padding() == Padding.VALID;
    }

    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.addStatement("$N.forward($L, $L, training)", names.pooling(), valueOf(previous), value());
        if (activation() != Activation.LINEAR) {
            code.addStatement("$T.forward($T.$L, $L)", RuntimeTypes.ACTIVATIONS, RuntimeTypes.ACTIVATION,
                    activation().name(), value());
        }
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        if (inputGradient != null) {
            activationBackward(code, preActivation);
            code.addStatement("$N.backward($L, $L, $L)", names.pooling(), input, gradient(), inputGradient);
        }
    }
}
