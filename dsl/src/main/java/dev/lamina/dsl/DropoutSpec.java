package dev.lamina.dsl;

import java.util.List;

/** {@link Dropout}: the shape is unchanged. */
public record DropoutSpec(double rate) implements ShapePreservingSpec {
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
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dropout(this);
    }
}
