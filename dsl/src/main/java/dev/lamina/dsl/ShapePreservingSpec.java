package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/**
 * A layer that works value by value (an activation, dropout) or feature by feature (Normalization):
 * it takes any input and outputs its shape. Its settings are checked by the layer itself, where it
 * has any, and so are its parameters declared.
 */
public sealed interface ShapePreservingSpec extends LayerSpec
        permits ReLUSpec, ActivationLayerSpec, DropoutSpec, NormalizationSpec, RescalingSpec, RandomImageSpec {

    @Override
    default List<Problem> settingProblems() {
        return List.of();
    }

    @Override
    default Optional<Problem> inputProblem(Shape input, String name) {
        return Optional.empty();
    }

    @Override
    default Optional<Shape> outputShape(Shape input) {
        return Optional.of(input);
    }
}
