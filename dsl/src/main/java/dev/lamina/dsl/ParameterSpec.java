package dev.lamina.dsl;

/**
 * One parameter array of a layer, as the layer's spec declares it: everything else about it (the
 * generated field, the parameter counts of the summary, the checkpoint's entry, the optimizer's and
 * the gradient check's list) derives from this declaration.
 *
 * @param role the parameter's name within its layer, Keras' name for the weight: {@code "kernel"}, {@code "bias"},
 *     {@code "moving_mean"} (the generated field camel-cases it: {@code bnMovingMean})
 * @param shape its exact shape
 * @param trainable whether the optimizer updates it from a gradient; a non-trainable one (a moving
 *     mean) is saved and restored but has no gradient
 * @param initializer how its values start
 */
public record ParameterSpec(String role, Shape shape, boolean trainable, Initializer initializer) {

    public static ParameterSpec trainable(String role, Initializer initializer, int... shape) {
        return new ParameterSpec(role, Shape.of(shape), true, initializer);
    }

    public static ParameterSpec nonTrainable(String role, Initializer initializer, int... shape) {
        return new ParameterSpec(role, Shape.of(shape), false, initializer);
    }

    /** The number of values: the product of the shape's dimensions. */
    public long size() {
        return shape.size();
    }
}
