package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/** {@link Flatten}: any sample shape becomes (elements). */
public record FlattenSpec() implements LayerSpec {

    @Override
    public String kind() {
        return "Flatten";
    }

    @Override
    public List<Problem> settingProblems() {
        return List.of();
    }

    @Override
    public Optional<Problem> inputProblem(Shape input, String name) {
        if (input.size() > Integer.MAX_VALUE) {
            return Optional.of(Problem.ofLayer("Flatten cannot make " + input + " into one dimension: its "
                    + input.size() + " elements exceed " + Integer.MAX_VALUE + ". Make the layers before "
                    + name + " smaller."));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Shape> outputShape(Shape input) {
        return input.size() > Integer.MAX_VALUE ? Optional.empty() : Optional.of(Shape.of((int) input.size()));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.flatten(this);
    }
}
