package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/**
 * What a layer annotation says, with the layer's shape rule. The annotation processor uses these
 * rules to check a model at compile time and the runtime uses the same ones, so each rule is written
 * once. Shapes exclude the batch dimension.
 */
public sealed interface LayerSpec
        permits DenseSpec, FlattenSpec, ReshapeSpec, Conv2DSpec, Pool2DSpec, DropoutSpec {

    /** The layer kind as users write it: "Dense". */
    String kind();

    /** Problems with the layer's own settings, whatever it receives. */
    List<Problem> settingProblems();

    /**
     * The problem with feeding this layer {@code input}, if any. Called only when
     * {@link #settingProblems()} is empty.
     *
     * @param name the layer's name, for the fix ("add @Flatten before hidden")
     */
    Optional<Problem> inputProblem(Shape input, String name);

    /**
     * The shape this layer outputs for {@code input}. Defined whenever the settings are valid, even
     * when {@link #inputProblem} reports one, if the output does not depend on the input (Dense),
     * so that checking goes on past the first error; empty otherwise.
     */
    Optional<Shape> outputShape(Shape input);

    /** The number of trainable parameters for {@code input}; called only for a valid input. */
    long parameterCount(Shape input);

    /** The activation applied at the layer's output; linear for layers without one. */
    default Activation activation() {
        return Activation.LINEAR;
    }
}
