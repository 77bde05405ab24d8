package dev.lamina.dsl;

import java.util.List;

/** {@link Multiply}: every input of one shape, which is the output's ({@link ElementwiseMergeSpec}). */
public record MultiplySpec(List<String> inputs) implements ElementwiseMergeSpec {

    public MultiplySpec {
        inputs = List.copyOf(inputs);
    }

    @Override
    public String kind() {
        return "Multiply";
    }

    @Override
    public String combines() {
        return "multiplies";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.multiply(this);
    }
}
