package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import java.util.Map;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * oneDNN called directly (the JavaCPP presets {@code org.bytedeco:dnnl}), for the layers whose
 * primitives ND4J builds anew on every op and feeds through layout reorders it does not keep: the one
 * place that loads the library and says whether a layer may use it. It runs on the same OpenMP
 * runtime as ND4J (one libgomp in the process), so {@link NativeThreads} sets its threads too.
 */
final class OneDnn {
    /** The system property that turns this path off with {@code false}, leaving the other fast paths on (to compare them). */
    static final String PROPERTY = "lamina.oneDnn";
    /** Plans a layer keeps (see {@link #keptPlans}). */
    private static final int KEPT_PLANS = 8;

    private OneDnn() {
    }

    /**
     * Whether a layer computing on {@code arrays} may run oneDNN's primitives on their memory: the
     * library loaded, and every array float32 values in host memory in row-major order (the CPU
     * backend, with the Java loops on: {@code -Dlamina.hostLoops=false} turns this path off with the
     * others, {@code -Dlamina.oneDnn=false} this one alone).
     */
    static boolean runsOn(INDArray... arrays) {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return false;
        }
        for (INDArray array : arrays) {
            if (array != null && !HostMemory.holdsFloatRows(array)) {
                return false;
            }
        }
        return Library.LOADED;
    }

    /**
     * A layer's plans (its primitives and memories) by what they were made for, the most recently
     * used kept: a training batch and the epoch's last, a few predictions', each on a thread count or
     * two. Primitives take milliseconds to make, so they are kept; a layer's sizes are few, so few.
     */
    static <K, P> Map<K, P> keptPlans() {
        return LeastRecentlyUsed.map(KEPT_PLANS);
    }

    /** Why the library did not load here, or null if it did. */
    static String whyNotLoaded() {
        return Library.WHY_NOT;
    }

    /** The CPU engine every primitive is made for. */
    static engine engine() {
        return Library.ENGINE;
    }

    /** A float32 memory description of {@code dims} (oneDNN's order: batch, channels, height, width) in {@code layout}. */
    static memory.desc floats(long[] dims, memory.format_tag layout) {
        return new memory.desc(dims, memory.data_type.f32, layout);
    }

    /** The zero cells padded before the input, (height, width), as TensorFlow pads: see {@link Window2D#paddingBefore}. */
    static long[] paddingBefore(Window2D window, Shape input) {
        return new long[] {
                window.paddingBefore(input.dim(0), window.height(), window.strideHeight()),
                window.paddingBefore(input.dim(1), window.width(), window.strideWidth())};
    }

    /**
     * The zero cells padded after the input, (height, width), so that oneDNN's output is the layer's
     * {@code output} (height, width, ...): the rest of SAME padding, none for VALID (whose last window
     * may leave input cells unread).
     */
    static long[] paddingAfter(Window2D window, Shape input, Shape output) {
        long[] before = paddingBefore(window, input);
        return new long[] {
                Math.max((output.dim(0) - 1) * window.strideHeight() + window.height() - input.dim(0) - before[0], 0),
                Math.max((output.dim(1) - 1) * window.strideWidth() + window.width() - input.dim(1) - before[1], 0)};
    }

    /** The first value of an array that {@link #runsOn} passes, as a pointer oneDNN takes. */
    static Pointer valuesOf(INDArray array) {
        // A view's buffer (rows of a dataset) is itself a view that starts at the array's offset,
        // which both count: the address is its buffer's plus what the array adds to the buffer's offset.
        long elements = array.offset() - array.data().offset();
        return new Address(array.data().addressPointer().address() + elements * Float.BYTES);
    }

    /** A native address: JavaCPP's pointers with a position would scale it by their own element size. */
    private static final class Address extends Pointer {
        Address(long address) {
            this.address = address;
        }
    }

    /** Loaded on first use: a backend without the native library (another OS, or no CPU) loses only this path. */
    private static final class Library {
        static final boolean LOADED;
        static final engine ENGINE;
        static final String WHY_NOT;

        static {
            engine cpu = null;
            String whyNot = null;
            try {
                Loader.load(dnnl.class);
                cpu = new engine(engine.kind.cpu, 0);
            } catch (Throwable notHere) {
                // UnsatisfiedLinkError or NoClassDefFoundError: no native build for this platform.
                whyNot = notHere.toString();
            }
            ENGINE = cpu;
            WHY_NOT = whyNot;
            LOADED = cpu != null;
        }
    }
}
