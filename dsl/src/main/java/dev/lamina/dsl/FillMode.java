package dev.lamina.dsl;

/**
 * What {@link RandomTranslation}, {@link RandomRotation} and {@link RandomZoom} read where they take a
 * pixel from outside the image, as Keras' fill_mode: the image extended beyond its edges.
 */
public enum FillMode {
    /** Keras' default "reflect": the image mirrored about its edge, (d c b a | a b c d | d c b a). */
    REFLECT,
    /** Keras' "constant" with fill_value 0: zeros, (0 0 0 0 | a b c d | 0 0 0 0). */
    CONSTANT,
    /** Keras' "wrap": the image repeated, (a b c d | a b c d | a b c d). */
    WRAP,
    /** Keras' "nearest": the edge pixel repeated, (a a a a | a b c d | d d d d). */
    NEAREST
}
