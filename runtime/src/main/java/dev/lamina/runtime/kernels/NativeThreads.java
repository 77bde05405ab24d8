package dev.lamina.runtime.kernels;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads ND4J's native ops (OpenMP, oneDNN) and its BLAS run each op on, set while the
 * process runs: what {@code fit} tunes. Only the CPU backend's threads are set; elsewhere nothing is.
 * ND4J reads OMP_NUM_THREADS once, at start; these calls change the count of every later op.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /** Whether the threads can be set here: the CPU backend. */
    public static boolean settable() {
        return Nd4j.getEnvironment().isCPU();
    }

    /** The threads an op runs on now. */
    public static int get() {
        return ops().ompGetMaxThreads();
    }

    /** Runs every later op on {@code threads} threads, at least 1. */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("an op runs on at least 1 thread, not " + threads);
        }
        ops().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    private static NativeOps ops() {
        Nd4j.getExecutioner(); // loads the backend, whose properties NativeOpsHolder reads
        return NativeOpsHolder.getInstance().getDeviceNativeOps();
    }
}
