package dev.lamina.runtime.kernels;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The last few reshaped views one thread made, so that the same array seen with the same shape again
 * (a network's input flattened in its forward pass and again in its backward pass, a batch buffer
 * reshaped every step) is the view made before. Why: ND4J makes each view's shape information through
 * a native cache, which costs more than a step's small work (docs/performance.md).
 *
 * <p>An array is matched by identity: an INDArray object keeps its buffer, offset, shape and strides,
 * so its view with a given shape is always the same one. Arrays and views are held weakly, so the
 * cache keeps no memory alive; a collected entry is made again.
 */
final class RecentViews {
    private static final int SIZE = 8;

    private final Entry[] entries = new Entry[SIZE];
    private int next;

    /** {@code array} seen with {@code shape}, always a view: made by {@code array.reshape('c', true, shape)} or recalled. */
    INDArray reshape(INDArray array, long[] shape) {
        for (Entry entry : entries) {
            if (entry != null && entry.source.get() == array && Arrays.equals(entry.shape, shape)) {
                INDArray view = entry.view.get();
                if (view != null) {
                    return view;
                }
            }
        }
        INDArray view = array.reshape('c', true, shape);
        entries[next] = new Entry(new WeakReference<>(array), shape.clone(), new WeakReference<>(view));
        next = (next + 1) % SIZE;
        return view;
    }

    private record Entry(WeakReference<INDArray> source, long[] shape, WeakReference<INDArray> view) {
    }
}
