package dev.lamina.dsl;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of one sample, without the batch dimension: (784) for a flat MNIST image,
 * (28, 28, 1) for a one-channel one. Immutable.
 */
public final class Shape {
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

    /** The number of elements of one sample, as a long because annotation values can multiply past int. */
    public long size() {
        long size = 1;
        for (int d : dims) {
            size *= d;
        }
        return size;
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
