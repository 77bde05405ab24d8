package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Helpers for the activation buffers of generated networks. A network allocates each buffer once,
 * for its largest batch; a smaller batch (the last one of an epoch) uses the buffer's leading rows,
 * which in row-major order are one contiguous block, so reshapes of them stay views.
 */
public final class Buffers {
    private Buffers() {
    }

    /** The first {@code rows} samples of {@code buffer}, as a view. */
    public static INDArray rows(INDArray buffer, long rows) {
        if (rows == buffer.size(0)) {
            return buffer;
        }
        return buffer.get(NDArrayIndex.interval(0, rows));
    }

    /** {@code array} in the network's data type and row-major, contiguous; copied only if it is not. */
    public static INDArray contiguous(INDArray array, DataType dataType) {
        INDArray typed = array.dataType() == dataType ? array : array.castTo(dataType);
        boolean contiguous = typed.ordering() == 'c' && !typed.isView();
        return contiguous ? typed : typed.dup('c');
    }

    /**
     * {@code array} seen with a new shape, always a view: writing to it writes to {@code array}.
     * Fails rather than copy, since a copy would silently drop gradients written through it.
     */
    public static INDArray reshape(INDArray array, long... shape) {
        return array.reshape('c', true, shape);
    }
}
