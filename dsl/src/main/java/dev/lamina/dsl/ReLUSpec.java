package dev.lamina.dsl;

/** {@link ReLU}: the shape is unchanged. */
public record ReLUSpec() implements ShapePreservingSpec {
    @Override
    public String kind() {
        return "ReLU";
    }

    @Override
    public Activation activation() {
        return Activation.RELU;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.relu(this);
    }
}
