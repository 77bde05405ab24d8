package dev.lamina.dsl;

/** {@link RandomFlip}: takes (height, width, channels) and outputs its shape; no parameters. */
public record RandomFlipSpec(FlipMode mode) implements RandomImageSpec {
    @Override
    public String kind() {
        return "RandomFlip";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.randomFlip(this);
    }
}
