package dev.lamina.dsl;

/** {@link ActivationLayer}: the shape is unchanged. */
public record ActivationLayerSpec(Activation activation) implements ShapePreservingSpec {
    @Override
    public String kind() {
        return "ActivationLayer";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.activationLayer(this);
    }
}
