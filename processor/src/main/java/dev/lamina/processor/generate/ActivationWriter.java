package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.processor.check.CheckedLayer;
import java.util.Locale;

/** A layer that is an activation alone (ReLU, ActivationLayer): {@code ActivationKernel}'s calls, no parameters. */
final class ActivationWriter extends LayerWriter {
    private final String kind;

    /** @param kind what the layer is, for comments: {@code ReLU}, {@code ActivationLayer(tanh)} */
    ActivationWriter(CheckedLayer layer, LayerNames names, String kind) {
        super(layer, names);
        this.kind = kind;
    }

    @Override
    String description() {
        return kind;
    }

    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.addStatement("$T.forward($T.$L, $L, $L)", RuntimeTypes.ACTIVATION_KERNEL, RuntimeTypes.ACTIVATION,
                activation().name(), valueOf(previous), value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        if (inputGradient != null && preActivation) {
            // The last layer's softmax, whose gradient the loss fused with its own.
            code.add("// The loss's gradient is already the one before $L's $L: it passes through.\n", layer.name(),
                    activation().name().toLowerCase(Locale.ROOT));
            code.addStatement("$L.assign($L)", inputGradient, gradient());
        } else if (inputGradient != null) {
            code.addStatement("$T.backward($T.$L, $L, $L, $L)", RuntimeTypes.ACTIVATION_KERNEL, RuntimeTypes.ACTIVATION,
                    activation().name(), value(), gradient(), inputGradient);
        }
    }
}
