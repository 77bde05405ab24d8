package dev.lamina.dsl;

/** What {@link RandomTranslation} puts where it shifted the image away from, as Keras' fill_mode. */
public enum FillMode {
    /** Keras' default "reflect": the image mirrored about its edge, (d c b a | a b c d | d c b a). */
    REFLECT,
    /** Keras' "constant" with fill_value 0: zeros. */
    CONSTANT
}
