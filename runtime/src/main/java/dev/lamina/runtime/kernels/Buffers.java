package dev.lamina.runtime.kernels;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Helpers for the activation buffers of generated networks. A network allocates each buffer once,
 * for its largest batch; a smaller batch (the last one of an epoch) uses the buffer's leading rows,
 * which in row-major order are one contiguous block, so reshapes of them stay views.
 */
public final class Buffers {
    private static final ThreadLocal<RecentViews> VIEWS = ThreadLocal.withInitial(RecentViews::new);

    private Buffers() {
    }

    /** The first {@code rows} samples of {@code buffer}, as a view. */
    public static INDArray rows(INDArray buffer, long rows) {
        if (rows == buffer.size(0)) {
            return buffer;
        }
        return buffer.get(NDArrayIndex.interval(0, rows));
    }

    /**
     * {@code array} in the network's data type and row-major, contiguous; copied only if it is not. A
     * range of rows of a contiguous array (a dataset's slice) is contiguous too, and not copied: the
     * array may be a file mapped into memory, larger than the memory.
     */
    public static INDArray contiguous(INDArray array, DataType dataType) {
        INDArray typed = array.dataType() == dataType ? array : array.castTo(dataType);
        boolean contiguous = typed.ordering() == 'c' && (!typed.isView() || HostMemory.rowMajor(typed));
        return contiguous ? typed : typed.dup('c');
    }

    /**
     * Copies {@code from} into {@code into}, an array of the same shape, as one memory copy, and returns
     * true, if both are float32 rows in host memory; else copies nothing and returns false.
     */
    public static boolean copyFloats(INDArray from, INDArray into) {
        if (!Arrays.equals(from.shape(), into.shape()) || !HostMemory.holdsFloatRows(from) || !HostMemory.holdsFloatRows(into)) {
            return false;
        }
        HostMemory.floatRows(into).put(HostMemory.floatRows(from).limit(Math.toIntExact(from.length())));
        return true;
    }

    /**
     * Whether {@code array} is the whole of its data buffer in row-major order (a new array, or one
     * reshaped: ND4J calls those views too), so its buffer can be read as its values.
     */
    private static boolean fillsItsBuffer(INDArray array) {
        return HostMemory.rowMajorFromItsStart(array) && array.data().length() == array.length();
    }

    /**
     * The values of {@code array} in row-major order, copied into a Java array: for small arrays (a
     * batch's outputs and labels) a loop over them costs microseconds where each ND4J op costs tens.
     */
    public static double[] hostValues(INDArray array) {
        return (fillsItsBuffer(array) ? array : array.dup('c')).data().asDouble();
    }

    /**
     * {@code array} seen with a new shape, always a view: writing to it writes to {@code array}.
     * Fails rather than copy, since a copy would silently drop gradients written through it. The
     * same array with the same shape gets the same view again ({@link RecentViews}).
     */
    public static INDArray reshape(INDArray array, long... shape) {
        return VIEWS.get().reshape(array, shape);
    }
}
