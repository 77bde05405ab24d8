package dev.lamina.dsl;

import java.util.ArrayList;
import java.util.List;

/** {@link Rescaling}: the shape is unchanged; no parameters. */
public record RescalingSpec(double scale, double offset) implements ShapePreservingSpec {
    @Override
    public String kind() {
        return "Rescaling";
    }

    @Override
    public List<Problem> settingProblems() {
        List<Problem> problems = new ArrayList<>();
        if (!Double.isFinite(scale)) {
            problems.add(Problem.ofAttribute("scale", "Rescaling needs a finite scale but has scale = " + scale
                    + ". It multiplies each value, such as 1.0 / 255 for pixel values."));
        }
        if (!Double.isFinite(offset)) {
            problems.add(Problem.ofAttribute("offset", "Rescaling needs a finite offset but has offset = " + offset
                    + ". It is added after scaling, such as -1 with scale = 1.0 / 127.5."));
        }
        return problems;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.rescaling(this);
    }
}
