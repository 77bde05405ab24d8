package dev.lamina.bench;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.Mnist;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.Callback;
import dev.lamina.runtime.training.Callback.Training;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.samples.MnistCnnNetwork;
import dev.lamina.samples.MnistMlpNetwork;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Lamina's epoch on a quiet machine and with one busy process beside it (a JVM spinning on one core,
 * for the whole loaded half), with fit's threads tuned (the default), fixed at every core, and fixed
 * at one: what the tuning gains under load and costs when quiet. The MLP trains on MNIST's 60,000
 * images in batches of 128, the CNN on its first 12,000 in batches of 64; each figure is the median of
 * the epochs after the first of one fit, after an untimed warm-up fit of the model. Prints the CPU's vector
 * extensions and ND4J's gemm rate first.
 * Arguments: {@code [epochs]} (4).
 */
public final class LoadedRun {
    private LoadedRun() {
    }

    /** One process's worth of load: a loop that never ends, until the benchmark destroys it. */
    public static final class Busy {
        public static void main(String[] args) {
            long x = 0;
            while (x != -1) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "CPU: %s; ND4J float32 gemm %.0f GFLOP/s%n", CpuInfo.describe(),
                EpochTimer.gemmRate() / 1e9);
        Dataset mnist = Mnist.train();
        List<String> rows = new ArrayList<>();
        rows.add("| model | load | tuned (default) | " + cores + " threads | 1 thread | tuned / its quiet epoch |");
        rows.add("| --- | --- | --- | --- | --- | --- |");
        for (String model : List.of("mlp", "cnn")) {
            Dataset data = model.equals("mlp") ? mnist : mnist.slice(0, 12_000);
            int batch = model.equals("mlp") ? 128 : 64;
            LongFunction<AbstractNetwork> network = model.equals("mlp") ? MnistMlpNetwork::create : MnistCnnNetwork::create;
            // Warms the JIT up first, so that the first figure measured is not the slowest for that alone.
            epoch(network.apply(42), data, batch, cores, 2);
            double quietTuned = 0;
            for (boolean loaded : new boolean[] {false, true}) {
                Process busy = loaded ? busy() : null;
                try {
                    double[] seconds = new double[3];
                    int[] threads = {0, cores, 1};
                    for (int i = 0; i < 3; i++) {
                        seconds[i] = epoch(network.apply(42), data, batch, threads[i], epochs);
                    }
                    if (!loaded) {
                        quietTuned = seconds[0];
                    }
                    rows.add(String.format(Locale.ROOT, "| %s | %s | %.2f s | %.2f s | %.2f s | %.2f |", model,
                            loaded ? "one busy process" : "quiet", seconds[0], seconds[1], seconds[2],
                            seconds[0] / quietTuned));
                    System.out.println(rows.get(rows.size() - 1));
                } finally {
                    if (busy != null) {
                        busy.destroyForcibly().waitFor();
                    }
                }
            }
        }
        System.out.println();
        rows.forEach(System.out::println);
    }

    /**
     * The median seconds of the epochs after the first of one fit of {@code epochs} epochs, on
     * {@code threads} threads (0: tuned), each epoch timed by a callback, as a user's fit runs.
     */
    private static double epoch(AbstractNetwork network, Dataset data, int batch, int threads, int epochs) {
        List<Double> seconds = new ArrayList<>();
        long[] start = new long[1];
        Callback timer = new Callback() {
            @Override
            public void onEpochBegin(Training training, int epoch) {
                start[0] = System.nanoTime();
            }

            @Override
            public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
                if (epoch > 0) {
                    seconds.add((System.nanoTime() - start[0]) / 1e9);
                }
            }
        };
        network.fit(data, FitOptions.epochs(epochs).batchSize(batch).threads(threads).verbose(0).callbacks(timer));
        return seconds.stream().sorted().toList().get(seconds.size() / 2);
    }

    /** A JVM running {@link Busy}: one core's worth of load, until destroyed. */
    static Process busy() throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Busy.class.getName())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
