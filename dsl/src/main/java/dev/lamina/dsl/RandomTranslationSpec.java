package dev.lamina.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link RandomTranslation}: takes (height, width, channels) and outputs its shape; no parameters.
 * Each factor is in [0, 1], as Keras checks a single-number factor.
 */
public record RandomTranslationSpec(double height, double width, FillMode fill) implements RandomImageSpec {
    @Override
    public String kind() {
        return "RandomTranslation";
    }

    @Override
    public List<Problem> settingProblems() {
        List<Problem> problems = new ArrayList<>();
        factorProblem("height", height).ifPresent(problems::add);
        factorProblem("width", width).ifPresent(problems::add);
        return problems;
    }

    private Optional<Problem> factorProblem(String axis, double factor) {
        return AugmentationFactor.problem(kind(), axis, factor, "It is the largest shift as a fraction of the image's "
                + axis + ", drawn in [-" + axis + ", " + axis + "]: " + axis + " = 0.1 shifts by up to 10%.");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.randomTranslation(this);
    }
}
