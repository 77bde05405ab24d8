package dev.lamina.runtime.data;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a {@code .npy} header says: the values' type and byte order, whether they are stored in
 * Fortran (column-major) order, the shape, and where the values start.
 *
 * @param type       the values' type
 * @param byteOrder  the values' byte order in the file
 * @param fortranOrder whether the first index varies fastest in the file
 * @param shape      the dimensions; () for a scalar, and a dimension may be 0
 * @param dataOffset the byte at which the values start
 */
public record NpyHeader(NpyType type, ByteOrder byteOrder, boolean fortranOrder, long[] shape, long dataOffset) {

    /** The number of values, the dimensions multiplied (1 for a scalar). */
    public long count() {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        return count;
    }

    /** The shape as NumPy writes it: (3, 4), (5,), (). */
    public String shapeText() {
        return shape.length == 1 ? "(" + shape[0] + ",)"
                : Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
