package dev.lamina.bench;

import dev.lamina.runtime.data.Dataset;

/**
 * One engine's side of the benchmark on one model: its timed epochs and its inference throughput.
 * Each runs in a JVM of its own ({@link EngineServer}), so that neither engine's epochs change the JIT's
 * profiles of the ND4J code both call: in one JVM, Lamina's CNN epoch after a DL4J epoch had the JIT
 * compiling for 629 ms of its 9.6 s.
 */
abstract class Engine {
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
