package dev.lamina.bench;

import dev.lamina.runtime.training.Callback;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;

/**
 * Watches one epoch of a fit: the process's resident memory at the epoch's start, after every step
 * and at its end, and the Java heap the training thread allocates per step. Run it on an epoch after
 * the first, when every buffer of fixed shape exists.
 *
 * <p>Resident memory, from JavaCPP's {@link Pointer#physicalBytes()}, is the measure of native memory
 * here because ND4J's CPU backend allocates its arrays inside libnd4j, where neither
 * {@link Pointer#totalBytes()} nor ND4J's own trackers count them. The benchmark's JVM commits and
 * touches its whole heap at start ({@code -Xms} = {@code -Xmx}, {@code -XX:+AlwaysPreTouch}), so a
 * change of resident memory is native memory; the start and end readings follow a garbage
 * collection, after which ND4J frees the arrays that are garbage.
 */
final class MemoryProbe implements Callback {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final int watchedEpoch;
    private boolean watching;
    private long nativeAtStart;
    private long nativeAtEnd;
    private long nativeMin = Long.MAX_VALUE;
    private long nativeMax;
    private long heapAtStart;
    private long heapAllocated;
    private int steps;

    MemoryProbe(int watchedEpoch) {
        this.watchedEpoch = watchedEpoch;
    }

    @Override
    public void onEpochBegin(Training training, int epoch) {
        if (epoch == watchedEpoch) {
            nativeAtStart = residentAfterCollection();
            heapAtStart = THREADS.getCurrentThreadAllocatedBytes();
            watching = true;
        }
    }

    @Override
    public void onBatchEnd(Training training, int batch, Map<String, Double> logs) {
        if (watching) {
            long bytes = Pointer.physicalBytes();
            nativeMin = Math.min(nativeMin, bytes);
            nativeMax = Math.max(nativeMax, bytes);
            steps++;
        }
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
        if (epoch == watchedEpoch) {
            // The benchmark's fits have no validation data, so this is the steps' allocation (and the
            // epoch's few lines of bookkeeping).
            heapAllocated = THREADS.getCurrentThreadAllocatedBytes() - heapAtStart;
            watching = false;
            nativeAtEnd = residentAfterCollection();
        }
    }

    /** Resident bytes once the arrays that are garbage have been freed (ND4J frees them on collection). */
    private static long residentAfterCollection() {
        System.gc();
        try {
            Thread.sleep(200); // ND4J's deallocator threads free native memory after the collection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Pointer.physicalBytes();
    }

    String report(String model) {
        return String.format(Locale.ROOT, "%s memory in epoch %d: resident %.1f MB at its start, %.1f MB at its end"
                        + " (%.1f-%.1f MB after each of its %d steps); Java heap %,d bytes allocated per training step",
                model, watchedEpoch + 1, nativeAtStart / 1e6, nativeAtEnd / 1e6, nativeMin / 1e6, nativeMax / 1e6,
                steps, heapAllocated / Math.max(steps, 1));
    }
}
