package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.lamina.dsl.DropoutSpec;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Dropout: a mask drawn every training step from the network's seeded generator; inference passes inputs through. */
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
    List<FieldSpec> otherFields() {
        return List.of(FieldSpec.builder(RuntimeTypes.LAYER_OUTPUT, names.mask(), Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("$L's mask of the last training step: 0 where an input was dropped, 1 / (1 - rate) where"
                        + " it was kept.", layer.name())
                .initializer("buffer($L)", dims(layer.output().dims()))
                .build());
    }

    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.addStatement("$T.forward($L, $L, training, trainingRandom(), $N.value(), $L)", RuntimeTypes.DROPOUT_KERNEL,
                valueOf(previous), spec.rate(), names.mask(), value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        if (inputGradient != null) {
            code.addStatement("$T.backward($N.value(), $L, $L)", RuntimeTypes.DROPOUT_KERNEL, names.mask(), gradient(),
                    inputGradient);
        }
    }
}
