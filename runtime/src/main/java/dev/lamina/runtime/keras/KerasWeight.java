package dev.lamina.runtime.keras;

import java.util.Arrays;

/**
 * One weight array of a Keras layer as the file stores it.
 *
 * @param role   Keras' name for it within its layer ({@code "kernel"}, {@code "moving_mean"}), from the
 *               legacy file's weight name or, in a {@code .keras} file, which numbers them, from its place
 * @param path   where it is in the HDF5 file, for messages
 * @param shape  its shape, as Keras has it
 * @param values its values in row-major order, as the file stores them
 */
record KerasWeight(String role, String path, long[] shape, float[] values) {

    String shapeText() {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
