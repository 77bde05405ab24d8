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
 * @param l2 the factor of its L2 penalty, {@code l2 · Σ value²}, added to the loss (Keras' L2
 *     regularizer), whose gradient {@code 2 · l2 · value} the backward pass adds to its own; 0 for none
 */
public record ParameterSpec(String role, Shape shape, boolean trainable, Initializer initializer, double l2) {

    public static ParameterSpec trainable(String role, Initializer initializer, int... shape) {
        return new ParameterSpec(role, Shape.of(shape), true, initializer, 0);
    }

    public static ParameterSpec nonTrainable(String role, Initializer initializer, int... shape) {
        return new ParameterSpec(role, Shape.of(shape), false, initializer, 0);
    }

    /** This parameter with an L2 penalty of factor {@code l2} (0 for none), as its layer's settings declare it. */
    public ParameterSpec withL2(double l2) {
        return new ParameterSpec(role, shape, trainable, initializer, l2);
    }

    /** Whether a penalty on its values is added to the loss. */
    public boolean regularized() {
        return l2 != 0;
    }

    /** The number of values: the product of the shape's dimensions. */
    public long size() {
        return shape.size();
    }
}
