package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/** {@link Add}: every input of one shape, which is the output's. */
public record AddSpec(List<String> inputs) implements MergeSpec {

    public AddSpec {
        inputs = List.copyOf(inputs);
    }

    @Override
    public String kind() {
        return "Add";
    }

    @Override
    public Optional<Problem> mergeProblem(List<Shape> shapes, List<String> names) {
        Shape first = shapes.get(0);
        for (int i = 1; i < shapes.size(); i++) {
            if (!shapes.get(i).equals(first)) {
                return Optional.of(Problem.ofElement("value", i, "Add sums outputs of one shape, but " + names.get(0)
                        + " outputs " + first + " and " + names.get(i) + " outputs " + shapes.get(i) + ". "
                        + Projection.toMatch(names.get(i), shapes.get(i), first)));
            }
        }
        return Optional.empty();
    }

    @Override
    public Shape mergedShape(List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.add(this);
    }
}
