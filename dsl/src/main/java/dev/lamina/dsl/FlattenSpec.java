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
        if (!input.fitsInArray()) {
            return Optional.of(Problem.ofLayer("Flatten cannot make " + input + " into one dimension: it has "
                    + Shape.MORE_THAN_MAX_ELEMENTS + ", the most one array holds. Make the layers before it smaller."));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Shape> outputShape(Shape input) {
        return input.fitsInArray() ? Optional.of(Shape.of(Math.toIntExact(input.size()))) : Optional.empty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.flatten(this);
    }
}
