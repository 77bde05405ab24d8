package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.dsl.RescalingSpec;
import dev.lamina.processor.check.CheckedLayer;

/** Rescaling: {@code x * scale + offset} in training and inference alike, as Keras. */
final class RescalingWriter extends LayerWriter {
    private final RescalingSpec spec;

    RescalingWriter(CheckedLayer layer, LayerNames names, RescalingSpec spec) {
        super(layer, names);
        this.spec = spec;
    }

    @Override
    String description() {
        return "Rescaling(scale " + spec.scale() + ", offset " + spec.offset() + ")";
    }

    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.addStatement("$T.forward($L, $L, $L, $L)", RuntimeTypes.RESCALING_KERNEL, valueOf(previous),
                spec.scale(), spec.offset(), value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        if (inputGradient != null) {
            code.addStatement("$T.backward($L, $L, $L)", RuntimeTypes.RESCALING_KERNEL, spec.scale(), gradient(),
                    inputGradient);
        }
    }
}
