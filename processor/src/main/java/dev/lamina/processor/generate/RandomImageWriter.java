package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.lamina.dsl.FillMode;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.RandomFlipSpec;
import dev.lamina.dsl.RandomTranslationSpec;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * RandomFlip and RandomTranslation: while training, each image is moved as drawn from the network's
 * seeded training generator, the draws kept for the backward pass as Dropout keeps its mask;
 * inference passes inputs through.
 */
final class RandomImageWriter extends LayerWriter {
    private final LayerSpec spec;

    RandomImageWriter(CheckedLayer layer, LayerNames names, LayerSpec spec) {
        super(layer, names);
        this.spec = spec;
    }

    @Override
    String description() {
        if (spec instanceof RandomFlipSpec flip) {
            return "RandomFlip(" + flip.mode().name().toLowerCase(Locale.ROOT) + ")";
        }
        RandomTranslationSpec translation = (RandomTranslationSpec) spec;
        return "RandomTranslation(height " + translation.height() + ", width " + translation.width() + ", "
                + translation.fill().name().toLowerCase(Locale.ROOT) + ")";
    }

    @Override
    List<FieldSpec> otherFields() {
        String what = spec instanceof RandomFlipSpec ? "whether each image was flipped (vertically, horizontally): 1 or 0"
                : "each image's shift (rows down, columns right)";
        return List.of(FieldSpec.builder(RuntimeTypes.LAYER_OUTPUT, names.draws(), Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("$L's draws of the last training step: $L.", layer.name(), what)
                .initializer("buffer(2)")
                .build());
    }

    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        if (spec instanceof RandomFlipSpec flip) {
            code.addStatement("$T.forward($L, $L, $L, training, trainingRandom(), $N.value(), $L)",
                    RuntimeTypes.RANDOM_FLIP_KERNEL, valueOf(previous), flip.mode().horizontal(), flip.mode().vertical(),
                    names.draws(), value());
        } else {
            RandomTranslationSpec translation = (RandomTranslationSpec) spec;
            code.addStatement("$T.forward($L, $L, $L, $L, training, trainingRandom(), $N.value(), $L)",
                    RuntimeTypes.RANDOM_TRANSLATION_KERNEL, valueOf(previous), translation.height(), translation.width(),
                    reflect(), names.draws(), value());
        }
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        if (inputGradient == null) {
            return;
        }
        if (spec instanceof RandomFlipSpec) {
            code.addStatement("$T.backward($N.value(), $L, $L)", RuntimeTypes.RANDOM_FLIP_KERNEL, names.draws(), gradient(),
                    inputGradient);
        } else {
            code.addStatement("$T.backward($N.value(), $L, $L, $L)", RuntimeTypes.RANDOM_TRANSLATION_KERNEL, names.draws(),
                    reflect(), gradient(), inputGradient);
        }
    }

    private boolean reflect() {
        return ((RandomTranslationSpec) spec).fill() == FillMode.REFLECT;
    }
}
