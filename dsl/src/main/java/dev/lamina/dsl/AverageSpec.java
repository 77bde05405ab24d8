package dev.lamina.dsl;

import java.util.List;

/** {@link Average}: every input of one shape, which is the output's ({@link ElementwiseMergeSpec}). */
public record AverageSpec(List<String> inputs) implements ElementwiseMergeSpec {

    public AverageSpec {
        inputs = List.copyOf(inputs);
    }

    @Override
    public String kind() {
        return "Average";
    }

    @Override
    public String combines() {
        return "averages";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.average(this);
    }
}
