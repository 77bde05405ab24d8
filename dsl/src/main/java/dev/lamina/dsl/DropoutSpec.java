package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/** {@link Dropout}: the shape is unchanged. */
public record DropoutSpec(double rate) implements LayerSpec {

    @Override
    public String kind() {
        return "Dropout";
    }

    @Override
    public List<Problem> settingProblems() {
        if (!(rate >= 0 && rate < 1)) {
            return List.of(Problem.ofAttribute("value", "Dropout needs a rate in [0, 1) but has " + rate
                    + ". It is the fraction of inputs dropped, such as 0.25."));
        }
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
        return visitor.dropout(this);
    }
}
