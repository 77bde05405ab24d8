package dev.lamina.dsl;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The shape of one sample, without the batch dimension: (784) for a flat MNIST image,
 * (28, 28, 1) for a one-channel one. Immutable.
 */
public final class Shape {
    /**
     * The most elements one sample of a layer's output, or one parameter, may have: the longest Java
     * array JVMs allocate, as the runtime draws a parameter's initial values into one and host kernels copy into them.
     */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** How messages say that an array is past {@link #MAX_ELEMENTS}. */
    public static final String MORE_THAN_MAX_ELEMENTS = String.format(Locale.ROOT, "more than %,d elements", MAX_ELEMENTS);

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis];
    }

    public int[] dims() {
        return dims.clone();
    }

    /**
     * The number of elements of one sample, exactly: a long, as annotation values multiply past an int,
     * and an {@link ArithmeticException} past a long rather than a product that wrapped around.
     */
    public long size() {
        long size = 1;
        for (int d : dims) {
            size = Math.multiplyExact(size, d);
        }
        return size;
    }

    /** Whether one sample fits in one array: at most {@link #MAX_ELEMENTS} elements. */
    public boolean fitsInArray() {
        try {
            return size() <= MAX_ELEMENTS;
        } catch (ArithmeticException pastLong) {
            return false;
        }
    }

    /** The sum of element counts, exactly: an {@link ArithmeticException} rather than a total that wrapped around. */
    public static long total(LongStream sizes) {
        return sizes.reduce(0, Math::addExact);
    }

    /** This shape with a leading batch dimension, as ND4J wants it. */
    public long[] withBatch(long batch) {
        long[] shape = new long[dims.length + 1];
        shape[0] = batch;
        for (int i = 0; i < dims.length; i++) {
            shape[i + 1] = dims[i];
        }
        return shape;
    }

    /** Whether {@code batchShape} is this shape with any leading batch dimension. */
    public boolean matchesBatch(long[] batchShape) {
        if (batchShape.length != dims.length + 1) {
            return false;
        }
        for (int i = 0; i < dims.length; i++) {
            if (batchShape[i + 1] != dims[i]) {
                return false;
            }
        }
        return true;
    }

    /** As written in source: {@code {28, 28, 1}}. */
    public String toSource() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ", "{", "}"));
    }

    /** As shown to users, Keras' way without the batch: {@code (28, 28, 1)}. */
    @Override
    public String toString() {
        return format(dims);
    }

    /** Formats any list of dimensions as {@code (a, b, c)}. */
    public static String format(int[] dims) {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }
}
