package dev.lamina.bench;

import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Times an epoch the same way for both engines, against the gemm rate measured just before it. */
final class EpochTimer {
    private EpochTimer() {
    }

    /**
     * Runs {@code epoch} after {@link #settle}, with the gemm rate measured just before it and the
     * JIT's compiling during it; {@code accuracy} is then asked once.
     */
    static Epoch timed(Runnable epoch, DoubleSupplier accuracy) {
        settle();
        double gemm = gemmRate();
        long jit = jitMillis();
        long start = System.nanoTime();
        epoch.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        jit = jitMillis() - jit;
        return new Epoch(seconds, accuracy.getAsDouble(), gemm, jit);
    }

    /** The best of 10 float32 gemms of 2048^3 (2 * 2048^3 FLOPs each), after 3 warm-ups. */
    static double gemmRate() {
        int n = 2048;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 13; r++) {
            long start = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            c.getDouble(0); // waits for the result
            if (r >= 3) {
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
        }
        return 2.0 * n * n * n / best;
    }

    /**
     * Collects what the epoch before left (DL4J's epochs leave hundreds of thousands of arrays) and
     * gives ND4J's deallocator threads time to free their native memory, so that an epoch does not
     * share this machine's two cores with the clean-up of the one before. The engine that ran the
     * epoch before is in another JVM: its server settles after each epoch too ({@link EngineServer}).
     */
    static void settle() {
        System.gc();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The JIT's total compilation time so far, in milliseconds. */
    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }
}
