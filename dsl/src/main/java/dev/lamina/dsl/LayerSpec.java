package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/**
 * What a layer annotation says, with the layer's shape rule. The annotation processor uses these
 * rules to check a model at compile time and the runtime uses the same ones, so each rule is written
 * once. Shapes exclude the batch dimension.
 */
public sealed interface LayerSpec
        permits DenseSpec, FlattenSpec, ReshapeSpec, Conv2DSpec, Pool2DSpec, ShapePreservingSpec,
        GlobalPool2DSpec, BatchNormalizationSpec, MergeSpec {

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
        return Shape.total(parameters(input).stream().mapToLong(ParameterSpec::size));
    }

    /** The number of trainable parameter values for a valid {@code input}. */
    default long trainableParameterCount(Shape input) {
        return Shape.total(parameters(input).stream().filter(ParameterSpec::trainable).mapToLong(ParameterSpec::size));
    }

    /**
     * The problem with one of the arrays this layer makes for {@code input} being too large for one
     * array ({@link Shape#MAX_ELEMENTS}): a sample of its output, or a parameter. One rule for every
     * kind, each naming through {@link #sizeFix} the value to change. Called only when
     * {@link #inputProblem} is empty and {@link #outputShape} is not.
     */
    default Optional<Problem> sizeProblem(Shape input) {
        Shape output = outputShape(input).orElseThrow();
        if (!output.fitsInArray()) {
            return Optional.of(tooLarge("output", output, " per sample", input));
        }
        for (ParameterSpec parameter : parameters(input)) {
            if (!parameter.shape().fitsInArray()) {
                return Optional.of(tooLarge(parameter.role(), parameter.shape(), "", input));
            }
        }
        return Optional.empty();
    }

    /**
     * What to change when {@code array} ("output", or a parameter's role) is too large for one array:
     * the attribute at fault and a sentence saying how ("units", "Use fewer units."). Only the layers
     * whose settings can make an array larger than their input override it.
     */
    default Problem sizeFix(String array, Shape input) {
        return Problem.ofLayer("Make the layers before it output fewer values.");
    }

    private Problem tooLarge(String array, Shape shape, String perSample, Shape input) {
        Problem fix = sizeFix(array, input);
        return Problem.ofAttribute(fix.attribute(), kind() + "'s " + array + " " + shape + " has "
                + Shape.MORE_THAN_MAX_ELEMENTS + perSample + ", the most one array holds. " + fix.message());
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

        R add(AddSpec add);

        R multiply(MultiplySpec multiply);

        R average(AverageSpec average);

        R concatenate(ConcatenateSpec concatenate);

        R globalPool2D(GlobalPool2DSpec pool);

        R activationLayer(ActivationLayerSpec activation);

        R batchNormalization(BatchNormalizationSpec batchNormalization);

        R normalization(NormalizationSpec normalization);

        R rescaling(RescalingSpec rescaling);

        R randomFlip(RandomFlipSpec flip);

        R randomTranslation(RandomTranslationSpec translation);

        R randomRotation(RandomRotationSpec rotation);

        R randomZoom(RandomZoomSpec zoom);
    }
}
