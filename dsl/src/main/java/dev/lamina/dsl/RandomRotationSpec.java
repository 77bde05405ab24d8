package dev.lamina.dsl;

import java.util.List;

/**
 * {@link RandomRotation}: takes (height, width, channels) and outputs its shape; no parameters. The
 * factor is in [0, 1], a fraction of a full turn.
 */
public record RandomRotationSpec(double factor, FillMode fill, Interpolation interpolation) implements RandomImageSpec {
    @Override
    public String kind() {
        return "RandomRotation";
    }

    @Override
    public List<Problem> settingProblems() {
        return AugmentationFactor.problem(kind(), "value", factor, "It is the largest angle as a fraction of a full"
                + " turn, drawn in [-value, value]: @RandomRotation(0.1) rotates by up to 36 degrees either way.").stream().toList();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.randomRotation(this);
    }
}
