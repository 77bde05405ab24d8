package dev.lamina.dsl;

import java.util.List;

/** {@link Add}: every input of one shape, which is the output's ({@link ElementwiseMergeSpec}). */
public record AddSpec(List<String> inputs) implements ElementwiseMergeSpec {

    public AddSpec {
        inputs = List.copyOf(inputs);
    }

    @Override
    public String kind() {
        return "Add";
    }

    @Override
    public String combines() {
        return "sums";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.add(this);
    }
}
