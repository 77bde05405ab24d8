package dev.lamina.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.lamina.dsl.FillMode;
import dev.lamina.dsl.Interpolation;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.RandomFlipSpec;
import dev.lamina.dsl.RandomRotationSpec;
import dev.lamina.dsl.RandomTranslationSpec;
import dev.lamina.dsl.RandomZoomSpec;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * RandomFlip, RandomTranslation, RandomRotation and RandomZoom: while training, each image is moved
 * as drawn from the network's seeded training generator, the draws kept for the backward pass as
 * Dropout keeps its mask; inference passes inputs through. The four differ only in their kernel and
 * its settings ({@link Call}).
 */
final class RandomImageWriter extends LayerWriter {
    /**
     * One kind's kernel call: {@code forward(x, drawing..., training, random, draws, y)} and
     * {@code backward(draws, reading..., dy, dx)}, where {@code drawing} are the settings that draw
     * (factors and those of {@code reading}) and {@code reading} those that say how the draws move
     * pixels (fill, interpolation).
     */
    private record Call(ClassName kernel, String description, int draws, String drawn, CodeBlock drawing,
                        CodeBlock reading) {
    }

    private final Call call;

    RandomImageWriter(CheckedLayer layer, LayerNames names, LayerSpec spec) {
        super(layer, names);
        this.call = call(spec);
    }

    private static Call call(LayerSpec spec) {
        if (spec instanceof RandomFlipSpec flip) {
            return new Call(RuntimeTypes.RANDOM_FLIP_KERNEL, "RandomFlip(" + lower(flip.mode()) + ")", 2,
                    "whether each image was flipped (vertically, horizontally): 1 or 0",
                    CodeBlock.of("$L, $L", flip.mode().horizontal(), flip.mode().vertical()), CodeBlock.of(""));
        }
        if (spec instanceof RandomTranslationSpec translation) {
            CodeBlock fill = fill(translation.fill());
            return new Call(RuntimeTypes.RANDOM_TRANSLATION_KERNEL, "RandomTranslation(height " + translation.height()
                    + ", width " + translation.width() + ", " + lower(translation.fill()) + ")", 2,
                    "each image's shift (rows down, columns right)",
                    CodeBlock.of("$L, $L, $L", translation.height(), translation.width(), fill), fill);
        }
        if (spec instanceof RandomRotationSpec rotation) {
            CodeBlock reading = reading(rotation.fill(), rotation.interpolation());
            return new Call(RuntimeTypes.RANDOM_ROTATION_KERNEL, "RandomRotation(" + rotation.factor() + ", "
                    + lower(rotation.fill()) + ", " + lower(rotation.interpolation()) + ")", 1,
                    "each image's angle in radians, counter-clockwise",
                    CodeBlock.of("$L, $L", rotation.factor(), reading), reading);
        }
        RandomZoomSpec zoom = (RandomZoomSpec) spec;
        CodeBlock reading = reading(zoom.fill(), zoom.interpolation());
        return new Call(RuntimeTypes.RANDOM_ZOOM_KERNEL, "RandomZoom(height " + zoom.height() + ", width "
                + (zoom.keepsAspectRatio() ? "as height" : zoom.width()) + ", " + lower(zoom.fill()) + ", "
                + lower(zoom.interpolation()) + ")", 2,
                "each image's zoom (height, width), above 1 showing more of it",
                CodeBlock.of("$L, $L, $L", zoom.height(), zoom.keepsAspectRatio() ? "Double.NaN" : zoom.width(), reading),
                reading);
    }

    private static CodeBlock fill(FillMode fill) {
        return CodeBlock.of("$T.$L", RuntimeTypes.FILL_MODE, fill.name());
    }

    private static CodeBlock reading(FillMode fill, Interpolation interpolation) {
        return CodeBlock.of("$L, $T.$L", fill(fill), RuntimeTypes.INTERPOLATION, interpolation.name());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    String description() {
        return call.description();
    }

    @Override
    List<FieldSpec> otherFields() {
        return List.of(FieldSpec.builder(RuntimeTypes.LAYER_OUTPUT, names.draws(), Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("$L's draws of the last training step: $L.", layer.name(), call.drawn())
                .initializer("buffer($L)", call.draws())
                .build());
    }

    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.addStatement("$T.forward($L, $L, training, trainingRandom(), $N.value(), $L)", call.kernel(),
                valueOf(previous), call.drawing(), names.draws(), value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        if (inputGradient == null) {
            return;
        }
        CodeBlock reading = call.reading().isEmpty() ? call.reading() : CodeBlock.of("$L, ", call.reading());
        code.addStatement("$T.backward($N.value(), $L$L, $L)", call.kernel(), names.draws(), reading, gradient(),
                inputGradient);
    }
}
