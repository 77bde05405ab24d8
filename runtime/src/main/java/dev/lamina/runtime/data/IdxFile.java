package dev.lamina.runtime.data;

import java.util.Arrays;

/**
 * The contents of an IDX file of unsigned bytes: its dimensions and its values, row-major.
 *
 * @param dims the dimensions, first the item count: (60000, 28, 28) for MNIST training images
 * @param data the values, {@code dims} multiplied together of them
 */
public record IdxFile(int[] dims, byte[] data) {

    /** The number of items, the first dimension. */
    public int count() {
        return dims[0];
    }

    /** The shape of one item: (28, 28) for images, () for labels. */
    public int[] itemDims() {
        return Arrays.copyOfRange(dims, 1, dims.length);
    }

    /** Value {@code i}, read as unsigned. */
    public int unsigned(int i) {
        return data[i] & 0xFF;
    }
}
