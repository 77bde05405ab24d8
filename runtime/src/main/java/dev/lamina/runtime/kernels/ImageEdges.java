package dev.lamina.runtime.kernels;

import dev.lamina.dsl.FillMode;

/**
 * Where the random image layers read beyond an image's edge, as Keras' fill modes: the one rule for
 * RandomTranslation's whole-pixel shifts and the neighbours RandomRotation and RandomZoom interpolate.
 */
final class ImageEdges {
    private ImageEdges() {
    }

    /** The pixel index that index {@code i} of an axis of {@code size} pixels reads, or -1 for a zero (CONSTANT). */
    static int source(int i, int size, FillMode fill) {
        if (i >= 0 && i < size) {
            return i;
        }
        return switch (fill) {
            case CONSTANT -> -1;
            case NEAREST -> i < 0 ? 0 : size - 1;
            case WRAP -> Math.floorMod(i, size);
            case REFLECT -> {
                // (d c b a | a b c d | d c b a): a period of twice the size, the second half mirrored.
                int j = Math.floorMod(i, 2 * size);
                yield j < size ? j : 2 * size - 1 - j;
            }
        };
    }
}
