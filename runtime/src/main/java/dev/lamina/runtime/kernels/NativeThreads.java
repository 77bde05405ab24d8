package dev.lamina.runtime.kernels;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads ND4J's native ops (OpenMP, oneDNN) and its BLAS run each op on, set while the
 * process runs: what {@code fit} tunes, and small predictions per calling thread. Only the CPU
 * backend's threads are set; elsewhere nothing is. ND4J reads OMP_NUM_THREADS once, at start; these
 * calls change the count of later ops: OpenMP's for the calling thread only, the BLAS's for all.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /** Whether the threads can be set here: the CPU backend. */
    public static boolean settable() {
        return Nd4j.getEnvironment().isCPU();
    }

    /** The threads an op of the calling thread runs on now. */
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

    /**
     * Runs the later ops of the calling thread only on {@code threads} threads, at least 1: OpenMP
     * keeps the count per thread (libgomp's {@code omp_set_num_threads} outside a parallel region sets
     * the calling thread's own), and ND4J's gemm and oneDNN's convolutions run on OpenMP. Measured: a
     * thread that set 1 ran a 128x784x512 gemm in 1,038 us while the main thread, before and after,
     * ran it in 702 and 677 us on 2, and a thread started later ran on 2.
     */
    public static void setForThisThread(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("an op runs on at least 1 thread, not " + threads);
        }
        ops().setOmpNumThreads(threads);
    }

    private static NativeOps ops() {
        Nd4j.getExecutioner(); // loads the backend, whose properties NativeOpsHolder reads
        return NativeOpsHolder.getInstance().getDeviceNativeOps();
    }
}
