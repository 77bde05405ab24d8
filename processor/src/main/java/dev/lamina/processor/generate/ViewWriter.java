package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.lamina.processor.check.CheckedLayer;
import javax.lang.model.element.Modifier;

/**
 * Flatten and Reshape: the output is the input seen with another shape, a view of the same memory,
 * and so is its gradient. They cost nothing and have nothing to compute backward, but where other
 * layers take the input too: then the view's gradient is an array of its own, added to the input's.
 */
final class ViewWriter extends LayerWriter {
    private final String description;
    /** Whether the view's gradient is its own array, added to its input's by the backward pass. */
    private boolean addsToInputGradient;

    ViewWriter(CheckedLayer layer, LayerNames names, String description) {
        super(layer, names);
        this.description = description;
    }

    @Override
    String description() {
        return description;
    }

    /** Makes the view's gradient an array of its own, which its backward adds to its input's. */
    void addToInputGradient() {
        addsToInputGradient = true;
    }

    boolean addsToInputGradient() {
        return addsToInputGradient;
    }

    @Override
    FieldSpec outputField(LayerWriter previous) {
        FieldSpec.Builder field = FieldSpec.builder(RuntimeTypes.LAYER_OUTPUT, names.value(), Modifier.PRIVATE,
                Modifier.FINAL);
        String kind = layer.layer().spec().kind();
        String dims = dims(layer.output().dims());
        return (previous == null
                ? field.initializer("inputView($S, $S, $L)", layer.name(), kind, dims)
                : field.initializer("$L($S, $S, $N, $L)", addsToInputGradient ? "valueView" : "view", layer.name(), kind,
                        previous.names().value(), dims))
                .build();
    }

    /** Nothing to compute: the output field views its input. */
    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.add("// A view of $L: nothing to compute.\n", previous == null ? "the input" : previous.layer().name() + "'s output");
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        if (addsToInputGradient && inputGradient != null) {
            code.addStatement("$L.addi($T.reshape($L, $L.shape()))", inputGradient, RuntimeTypes.BUFFERS, gradient(),
                    inputGradient);
        }
    }
}
