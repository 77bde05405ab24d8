package dev.lamina.processor.generate;

import com.palantir.javapoet.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A model's layer writers with the {@link BackwardPlan} that connects them: which writer's output
 * each layer takes, and where the parts of a gradient that several layers send back are kept.
 */
final class WiredLayers {
    private final List<LayerWriter> layers;
    private final BackwardPlan plan;

    WiredLayers(List<LayerWriter> layers, BackwardPlan plan) {
        this.layers = List.copyOf(layers);
        this.plan = plan;
    }

    List<LayerWriter> layers() {
        return layers;
    }

    BackwardPlan plan() {
        return plan;
    }

    /** The writer of the layer whose output is layer {@code i}'s {@code input}-th input; null for the model's input. */
    LayerWriter source(int i, int input) {
        int source = plan.source(i, input);
        return source < 0 ? null : layers.get(source);
    }

    /** The writers of the layers whose outputs layer {@code i} takes, in order; null for the model's input. */
    List<LayerWriter> inputs(int i) {
        List<LayerWriter> inputs = new ArrayList<>();
        for (int input = 0; input < inputCount(i); input++) {
            inputs.add(source(i, input));
        }
        return inputs;
    }

    int inputCount(int i) {
        return layers.get(i).layer().sources().size();
    }

    /**
     * The arrays for the parts of its inputs' gradients that layer {@code i} computes but does not
     * write into them, as another layer taking the same input has (see {@link BackwardPlan}); a
     * view adds its own gradient instead.
     */
    List<FieldSpec> gradientParts(int i) {
        List<FieldSpec> parts = new ArrayList<>();
        for (int input = 0; input < inputCount(i); input++) {
            if (addsToInputGradient(i, input)) {
                parts.add(FieldSpec.builder(RuntimeTypes.LAYER_OUTPUT, gradientPart(i, input), Modifier.PRIVATE,
                                Modifier.FINAL)
                        .initializer("buffer($L)", LayerWriter.dims(source(i, input).layer().output().dims()))
                        .build());
            }
        }
        return parts;
    }

    /** Whether layer {@code i} computes its {@code input}-th input's part of the gradient into an array of its own. */
    boolean addsToInputGradient(int i, int input) {
        return plan.inputNeedsGradient(i, input) && !plan.writesInputGradient(i, input)
                && !(layers.get(i) instanceof ViewWriter);
    }

    /**
     * Where layer {@code i}'s backward pass puts its {@code input}-th input's gradient: that input's
     * gradient array, or the array of its part ({@link #gradientParts}); null where none is computed.
     */
    String inputGradient(int i, int input) {
        return !plan.inputNeedsGradient(i, input) ? null
                : addsToInputGradient(i, input) ? gradientPart(i, input) + ".value()"
                : source(i, input).gradient();
    }

    /** {@code block1FromAdd1}: the array of the part of block1's gradient that flows back from add1 (its second input). */
    private String gradientPart(int i, int input) {
        String consumer = layers.get(i).names().value();
        String name = source(i, input).names().value() + "From"
                + Character.toUpperCase(consumer.charAt(0)) + consumer.substring(1);
        List<String> sources = layers.get(i).layer().sources();
        return input == 0 || !sources.subList(0, input).contains(sources.get(input)) ? name : name + (input + 1);
    }
}
