package dev.lamina.dsl;

/** How {@link RandomRotation} and {@link RandomZoom} read a point between pixels, as Keras' interpolation. */
public enum Interpolation {
    /** Keras' default: the four pixels around the point, weighted by their nearness. */
    BILINEAR,
    /** The pixel nearest the point. */
    NEAREST
}
