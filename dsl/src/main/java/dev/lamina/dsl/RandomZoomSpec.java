package dev.lamina.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link RandomZoom}: takes (height, width, channels) and outputs its shape; no parameters. Each
 * factor is in [0, 1]; a NaN width (the annotation's default) zooms the width as the height.
 */
public record RandomZoomSpec(double height, double width, FillMode fill, Interpolation interpolation)
        implements RandomImageSpec {
    @Override
    public String kind() {
        return "RandomZoom";
    }

    /** Whether each image's width is zoomed by its height's factor (no width given), as Keras' width_factor=None. */
    public boolean keepsAspectRatio() {
        return Double.isNaN(width);
    }

    @Override
    public List<Problem> settingProblems() {
        List<Problem> problems = new ArrayList<>();
        factorProblem("height", height).ifPresent(problems::add);
        if (!keepsAspectRatio()) {
            factorProblem("width", width).ifPresent(problems::add);
        }
        return problems;
    }

    private Optional<Problem> factorProblem(String axis, double factor) {
        return AugmentationFactor.problem(kind(), axis, factor, "It is the largest zoom as a fraction of the image's "
                + axis + ", drawn in [1 - " + axis + ", 1 + " + axis + "]: " + axis + " = 0.2 zooms between 80% and 120%.");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.randomZoom(this);
    }
}
