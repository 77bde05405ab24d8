package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.dsl.GlobalPool2DSpec;
import dev.lamina.processor.check.CheckedLayer;

/** GlobalMaxPooling2D and GlobalAveragePooling2D: {@code GlobalPool2DKernel}'s calls, no parameters, no window. */
final class GlobalPool2DWriter extends LayerWriter {
    private final GlobalPool2DSpec spec;

    GlobalPool2DWriter(CheckedLayer layer, LayerNames names, GlobalPool2DSpec spec) {
        super(layer, names);
        this.spec = spec;
    }

    @Override
    String description() {
        return spec.kind();
    }

    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.addStatement("$T.forward($T.$L, $L, $L)", RuntimeTypes.GLOBAL_POOL2D_KERNEL, RuntimeTypes.POOLING,
                spec.pooling().name(), valueOf(previous), value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        if (inputGradient != null) {
            code.addStatement("$T.backward($T.$L, $L, $L, $L, $L)", RuntimeTypes.GLOBAL_POOL2D_KERNEL,
                    RuntimeTypes.POOLING, spec.pooling().name(), input, value(), gradient(), inputGradient);
        }
    }
}
