package dev.lamina.runtime.kernels;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Direct access to the memory of arrays that live in the host's memory, for the few loops that are
 * faster in Java than as ND4J ops (an optimizer's fused step, gathering a batch's rows, a Dense
 * layer's bias and activation, ReLU's backward pass, a bias gradient's column sums, the softmax and
 * crossentropy gradient). Only ND4J's CPU backend keeps an array's values there; a GPU backend
 * keeps a host copy that is not kept in step, so callers check {@link #holds} and fall back to
 * ND4J's ops where it is false.
 *
 * <p>The system property {@value #LOOPS_PROPERTY} set to {@code false} turns every such loop off,
 * so that the CPU backend runs the ND4J ops a GPU backend runs (to test them; to compare the two).
 * Any other value, or none, leaves the loops on. It is read on every check, so a test may change it
 * between two runs in one JVM. An optimizer decides on its loops when it is built, and one built
 * while the switch was on checks {@link #loopsOn} again on every step; one built while it was off
 * keeps ND4J's ops.
 */
public final class HostMemory {
    /** The system property that turns the Java loops over host memory off with {@code false}. */
    public static final String LOOPS_PROPERTY = "lamina.hostLoops";

    /**
     * Elements a Java loop over host memory copies out and works on at a time: 16 KB of floats, so
     * that a few arrays' chunks stay in the L1 cache while the JIT-vectorized loop runs over them.
     */
    public static final int CHUNK = 4096;

    private HostMemory() {
    }

    /**
     * Whether {@code array}'s values are in host memory, in row-major order from the start of its
     * buffer: a whole array, or the leading rows of one (a batch smaller than the buffers). Then
     * {@link #bytes} starts with its values, {@code length()} of them. Always false while the loops
     * are switched off ({@link #loopsOn}), which is how every loop over host memory is turned off.
     */
    public static boolean holds(INDArray array) {
        return loopsOn() && Nd4j.getEnvironment().isCPU() && rowMajorFromItsStart(array)
                && array.data().length() * array.dataType().width() <= Integer.MAX_VALUE;
    }

    /**
     * Whether the Java loops may run at all: not if {@value #LOOPS_PROPERTY} is {@code false}.
     * Reading the property costs 5-10 ns (measured in a loop of 20 million calls), against 50-100
     * for the rest of {@link #holdsFloats} and milliseconds for a training step's few dozen checks.
     */
    public static boolean loopsOn() {
        // Read on each call rather than cached: nothing to reset, and a test's change takes effect at once.
        return !"false".equalsIgnoreCase(System.getProperty(LOOPS_PROPERTY));
    }

    /**
     * Whether {@code array}'s values are the first {@code length()} of its buffer, in row-major
     * order: a new array, one reshaped, or the leading rows of one (ND4J calls those views too).
     */
    static boolean rowMajorFromItsStart(INDArray array) {
        return array.offset() == 0 && rowMajor(array);
    }

    /**
     * Whether {@code array}'s values are one block of its buffer in row-major order, wherever in the
     * buffer it starts: a whole array, or a range of rows of one (what a validation split trains on).
     */
    static boolean rowMajor(INDArray array) {
        // Each axis's stride is the product of the sizes after it; an axis of size 1 is never
        // stepped along, so its stride does not matter (ND4J gives (3, 3, 1, 32) the strides
        // (96, 32, 32, 1), and the column (5, 1) of a (8, 1) array 'f' order with strides (1, 1)).
        long[] shape = array.shape();
        long[] stride = array.stride();
        long expected = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] != 1 && stride[axis] != expected) {
                return false;
            }
            expected *= shape[axis];
        }
        return true;
    }

    /** Whether every one of {@code arrays} is float32 and {@link #holds held} in host memory: what Java loops take. */
    public static boolean holdsFloats(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array.dataType() != DataType.FLOAT || !holds(array)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code array} is float32 values in host memory, in row-major order wherever in its
     * buffer they start: a whole array or any range of rows of one (an in-memory dataset's batch).
     * {@link #floatRows} reads them. Off while the loops are switched off ({@link #loopsOn}).
     */
    static boolean holdsFloatRows(INDArray array) {
        return array.dataType() == DataType.FLOAT && loopsOn() && Nd4j.getEnvironment().isCPU() && rowMajor(array)
                && (array.offset() + array.length()) * Float.BYTES <= Integer.MAX_VALUE;
    }

    /**
     * The values of an array that {@link #holdsFloatRows}, index 0 its first: its buffer's memory
     * (ND4J's {@code asNio} of a view's buffer is the whole buffer) from the array's offset.
     */
    static FloatBuffer floatRows(INDArray array) {
        return bytes(array).asFloatBuffer().position(Math.toIntExact(array.offset())).slice();
    }

    /** A Java copy of the values of a float32 array that {@link #holds}: one memory copy. */
    public static float[] floats(INDArray array) {
        float[] values = new float[Math.toIntExact(array.length())];
        bytes(array).asFloatBuffer().get(0, values);
        return values;
    }

    /** The memory of the buffer of an array that {@link #holds}, in the machine's byte order. */
    public static ByteBuffer bytes(INDArray array) {
        return array.data().asNio().order(ByteOrder.nativeOrder());
    }
}
