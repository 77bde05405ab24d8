package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/**
 * What a layer annotation says, with the layer's shape rule. The annotation processor uses these
 * rules to check a model at compile time and the runtime uses the same ones, so each rule is written
 * once. Shapes exclude the batch dimension.
 */
public sealed interface LayerSpec
        permits DenseSpec, FlattenSpec, ReshapeSpec, Conv2DSpec, Pool2DSpec, DropoutSpec, ReLUSpec {

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

    /**
     * The layer's parameters for {@code input}, in a fixed order; called only for a valid input. Their
     * count, the generated fields, the checkpoint and the gradient check all derive from this list.
     */
    default List<ParameterSpec> parameters(Shape input) {
        return List.of();
    }

    /** The number of parameter values, trainable or not, for a valid {@code input}. */
    default long parameterCount(Shape input) {
        return parameters(input).stream().mapToLong(ParameterSpec::size).sum();
    }

    /** The number of trainable parameter values for a valid {@code input}. */
    default long trainableParameterCount(Shape input) {
        return parameters(input).stream().filter(ParameterSpec::trainable).mapToLong(ParameterSpec::size).sum();
    }

    /** The activation applied at the layer's output; linear for layers without one. */
    default Activation activation() {
        return Activation.LINEAR;
    }

    /** Calls the method of {@code visitor} for this layer's kind. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of layer. Whatever treats every kind (the processor's writers) implements
     * it, so that a new kind that one of them does not handle is a compile error there, not a failure
     * when the processor runs.
     */
    interface Visitor<R> {
        R dense(DenseSpec dense);

        R conv2D(Conv2DSpec conv);

        R pool2D(Pool2DSpec pool);

        R dropout(DropoutSpec dropout);

        R flatten(FlattenSpec flatten);

        R reshape(ReshapeSpec reshape);

        R relu(ReLUSpec relu);
    }
}
