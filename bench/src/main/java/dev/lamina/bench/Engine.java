package dev.lamina.bench;

import dev.lamina.runtime.data.Dataset;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One engine's side of the benchmark on one model: its timed epochs and its inference throughput.
 * Each runs in a JVM of its own ({@link EngineServer}), so that neither engine's epochs change the JIT's
 * profiles of the ND4J code both call: in one JVM, Lamina's CNN epoch after a DL4J epoch had the JIT
 * compiling for 629 ms of its 9.6 s.
 */
abstract class Engine {
    /** Batch-1 calls left untimed before {@link #TIMED_CALLS} timed ones, as the measurement. */
    static final int WARM_UP_CALLS = 2000;
    static final int TIMED_CALLS = 3000;
    /** Distinct test images the calls cycle through, each its own array, as requests arrive. */
    static final int LATENCY_IMAGES = 256;

    final Dataset train;
    final Dataset test;
    final int batch;

    Engine(Dataset train, Dataset test, int batch) {
        this.train = train;
        this.test = test;
        this.batch = batch;
    }

    /** {@code engine} ("lamina" or "dl4j"; PyTorch's engine is a Python process, see {@link EngineClient}) on the model. */
    static Engine of(String engine, Workload model, Dataset train, Dataset test) {
        return switch (engine) {
            case "lamina" -> new LaminaEngine(model, train, test);
            case "dl4j" -> new Dl4jEngine(model, train, test);
            default -> throw new IllegalArgumentException("no engine " + engine + " in a JVM (lamina or dl4j)");
        };
    }

    /** One epoch of a fresh network from {@code seed} (weights and batch order), timed by {@link EpochTimer}. */
    abstract Epoch epoch(long seed);

    /** A fresh network's prediction of the whole test set, to be timed. */
    abstract Runnable prediction(long seed);

    /** What a service does per request: one image's prediction by a network made from the seed. */
    interface SinglePrediction {
        void predict(INDArray image);
    }

    /** A fresh network's prediction of one image (a batch of 1), to be timed. */
    abstract SinglePrediction singlePrediction(long seed);

    /**
     * Batch-1 latency: {@value #WARM_UP_CALLS} untimed calls, then {@value #TIMED_CALLS} timed one after
     * another; "MEDIAN_US P99_US" (microseconds).
     */
    final String latency(long seed) {
        SinglePrediction prediction = singlePrediction(seed);
        INDArray[] images = new INDArray[LATENCY_IMAGES];
        for (int i = 0; i < images.length; i++) {
            images[i] = test.features().get(NDArrayIndex.interval(i, i + 1)).dup();
        }
        long[] nanos = new long[TIMED_CALLS];
        for (int call = -WARM_UP_CALLS; call < TIMED_CALLS; call++) {
            INDArray image = images[Math.floorMod(call, images.length)];
            long start = System.nanoTime();
            prediction.predict(image);
            if (call >= 0) {
                nanos[call] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "%s %s", percentile(nanos, 0.5) / 1e3, percentile(nanos, 0.99) / 1e3);
    }

    /** The value below which {@code share} of the sorted values lie (nearest rank). */
    static long percentile(long[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }

    /** Test images per second: the median of three predictions of the test set. */
    final double predictRate(long seed) {
        Runnable prediction = prediction(seed);
        double[] seconds = new double[3];
        for (int r = 0; r < 3; r++) {
            long start = System.nanoTime();
            prediction.run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        return test.size() / Benchmark.median(seconds);
    }
}
