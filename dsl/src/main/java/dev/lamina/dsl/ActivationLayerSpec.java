package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/** {@link ActivationLayer}: the shape is unchanged. */
public record ActivationLayerSpec(Activation activation) implements LayerSpec {

    @Override
    public String kind() {
        return "ActivationLayer";
    }

    @Override
    public List<Problem> settingProblems() {
        return List.of();
    }

    @Override
    public Optional<Problem> inputProblem(Shape input, String name) {
        return Optional.empty();
    }

    @Override
    public Optional<Shape> outputShape(Shape input) {
        return Optional.of(input);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.activationLayer(this);
    }
}
