package dev.lamina.runtime.kernels;

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
    private OneDnn() {
    }

    /**
     * Whether a layer computing on {@code arrays} may run oneDNN's primitives on their memory: the
     * library loaded, and every array float32 values in host memory in row-major order (the CPU
     * backend, with the Java loops on: {@code -Dlamina.hostLoops=false} turns this path off with the
     * others, which is how the tests compare it with ND4J's ops).
     */
    static boolean runsOn(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array != null && !HostMemory.holdsFloatRows(array)) {
                return false;
            }
        }
        return Library.LOADED;
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

    /** The first value of an array that {@link #runsOn} passes, as a pointer oneDNN takes. */
    static Pointer valuesOf(INDArray array) {
        return new Address(array.data().addressPointer().address() + array.offset() * Float.BYTES);
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
