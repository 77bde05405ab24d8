package dev.lamina.dsl;

/** The axes {@link RandomFlip} flips, as Keras' modes "horizontal", "vertical", "horizontal_and_vertical". */
public enum FlipMode {
    /** Left to right: along the width. */
    HORIZONTAL,
    /** Top to bottom: along the height. */
    VERTICAL,
    /** Each axis drawn separately. */
    HORIZONTAL_AND_VERTICAL;

    public boolean horizontal() {
        return this != VERTICAL;
    }

    public boolean vertical() {
        return this != HORIZONTAL;
    }
}
