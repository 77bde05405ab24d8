package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/** {@link ReLU}: the shape is unchanged. */
public record ReLUSpec() implements LayerSpec {

    @Override
    public String kind() {
        return "ReLU";
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
    public Activation activation() {
        return Activation.RELU;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.relu(this);
    }
}
