package dev.lamina.dsl;

import java.util.Optional;

/** {@link RandomFlip}: takes (height, width, channels) and outputs its shape; no parameters. */
public record RandomFlipSpec(FlipMode mode) implements ShapePreservingSpec {
    @Override
    public String kind() {
        return "RandomFlip";
    }

    /** Refuses anything but an image: there is no height or width to flip along. */
    @Override
    public Optional<Problem> inputProblem(Shape input, String name) {
        return ImageInput.problem(input, kind(), name);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.randomFlip(this);
    }
}
