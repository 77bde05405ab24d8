package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.dsl.DropoutSpec;
import dev.lamina.processor.check.CheckedLayer;

/** Dropout: a mask drawn every training step from the network's seeded generator. */
final class DropoutWriter extends LayerWriter {
    private final DropoutSpec spec;

    DropoutWriter(CheckedLayer layer, LayerNames names, DropoutSpec spec) {
        super(layer, names);
        this.spec = spec;
    }

    @Override
    String description() {
        return "Dropout(" + spec.rate() + ")";
    }

    @Override
    boolean backwardNeedsInput() {
        return false;
    }

    @Override
    boolean dependsOnTraining() {
        return true;
    }

    @Override
    void addBufferFields(TypeSpec.Builder type, boolean needsGradient, boolean needsInputGradient) {
        super.addBufferFields(type, needsGradient, needsInputGradient);
        type.addField(buffer(names.maskBuffer(), layer.name() + "'s mask of the last training step: 0 where an input"
                + " was dropped, 1 / (1 - rate) where it was kept."));
    }

    @Override
    void allocateBuffers(CodeBlock.Builder code, boolean needsGradient, boolean needsInputGradient) {
        super.allocateBuffers(code, needsGradient, needsInputGradient);
        code.addStatement("$N = $T.create(dataType, $L)", names.maskBuffer(), RuntimeTypes.ND4J, batchDims("capacity"));
    }

    @Override
    void forward(CodeBlock.Builder code, String input) {
        code.addStatement("$T.forward($N, $L, training, dropoutRandom, $T.rows($N, batch), $N)", RuntimeTypes.DROPOUT_KERNEL,
                input, spec.rate(), RuntimeTypes.BUFFERS, names.maskBuffer(), names.value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        if (inputGradient != null) {
            code.addStatement("$T.backward($T.rows($N, batch), $N, $N)", RuntimeTypes.DROPOUT_KERNEL,
                    RuntimeTypes.BUFFERS, names.maskBuffer(), names.gradient(), inputGradient);
        }
    }
}
