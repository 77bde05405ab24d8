package dev.lamina.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One epoch of the reference MLP and CNN with Lamina's generated networks and with DL4J's
 * MultiLayerNetwork on the same ND4J backend, alternated and repeated, then inference throughput and
 * the annotation processor's share of compiling the samples. Each engine runs in a JVM of its own
 * ({@link EngineClient}), as a user's program would, both started before the first epoch and kept
 * through the model's epochs, which this JVM alternates between them. {@code --quick}: 6,000 training images,
 * one repeat, to check that it runs; {@code --mlp-only} or {@code --cnn-only}: one model;
 * {@code --memory-only}: only the memory of a later epoch, without the timings.
 */
public final class Benchmark {
    private static final long SEED = 42;
    /**
     * At least three warm-up epochs per engine: the JIT compiles a method to its final form after
     * some 15,000 calls, each ND4J op call runs a few dozen methods, and its compiler threads share
     * this machine's two cores with the training while they work. In a fresh JVM Lamina's MLP epochs
     * took 2.2, 1.8, 1.2, 1.1 s; with two warm-ups the first timed epoch was the slowest of three in
     * every run (MLP 1.4 s against 0.9 and 1.0; CNN 14.7 s against 11.4 and 11.6).
     */
    private static final int WARM_UP_EPOCHS = 3;
    /**
     * Then Lamina's, whose epochs are short, go on until the JIT is quiet (see {@link #QUIET}), at most
     * this many in all: in one JVM the MLP's epochs 4 to 14 still took 1.04 to 0.77 s as the JIT
     * compiled 6 to 729 ms in each, and a timed epoch should measure the code, not its compilation.
     * DL4J's epochs are ten to twenty times longer, so its third ends with its JIT long quiet.
     */
    private static final int MAX_WARM_UP_EPOCHS = 10;
    /** An epoch in which the JIT compiled for less than this share of its time counts as quiet. */
    private static final double QUIET = 0.01;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        List<String> models = Arrays.asList(args).contains("--mlp-only") ? List.of("MLP")
                : Arrays.asList(args).contains("--cnn-only") ? List.of("CNN") : List.of("MLP", "CNN");
        // Five, not the three the issue asks for at least: this shared machine's speed drifts by 10-15% from
        // minute to minute, and a median of five is less at the mercy of one slow minute.
        int repeats = quick ? 1 : 5;
        if (Arrays.asList(args).contains("--memory-only")) {
            for (String model : models) {
                try (EngineClient lamina = new EngineClient("lamina", model, quick)) {
                    System.out.println(lamina.memoryReport(SEED));
                }
            }
            return;
        }
        System.out.printf(Locale.ROOT, "Each engine runs in a JVM of its own; each measures the float32 gemm rate"
                + " (2048^3, best of 10) just before every timed epoch, whose share of it is taken against that"
                + " measurement%n");

        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "%-5s %-7s %10s %12s %10s %12s %10s %12s", "model", "engine",
                "s/epoch", "images/s", "mean acc", "GFLOP/s", "% of gemm", "predict/s"));
        List<String> memory = new ArrayList<>();
        for (String model : models) {
            long flopsPerSample = TrainingFlops.perSample(model.equals("MLP") ? TrainingFlops.MLP : TrainingFlops.CNN);
            System.out.printf(Locale.ROOT, "%n%s: %,d training FLOPs per sample%n", model, flopsPerSample);
            try (EngineClient lamina = new EngineClient("lamina", model, quick);
                 EngineClient dl4j = new EngineClient("dl4j", model, quick)) {
                int images = lamina.trainingImages();
                System.out.printf(Locale.ROOT, "  %.1f GFLOP per epoch of %d images%n", flopsPerSample * (double) images / 1e9,
                        images);
                // Warm-up epochs, then alternate: Lamina, DL4J, Lamina, DL4J, ... Repeat r starts both from
                // seed SEED + r (weights and batch order), so the accuracies are a sample, not one draw.
                Epoch last = null;
                for (int w = 1; w <= WARM_UP_EPOCHS; w++) {
                    last = lamina.epoch(SEED - w);
                    dl4j.epoch(SEED - w);
                }
                int warmUps = WARM_UP_EPOCHS;
                while (last.jitShare() >= QUIET && warmUps < MAX_WARM_UP_EPOCHS) {
                    last = lamina.epoch(SEED - ++warmUps);
                }
                System.out.printf(Locale.ROOT, "  warm-up: Lamina %d epochs (the JIT compiled for %.0f ms of the last,"
                        + " %.1f s), DL4J %d%n", warmUps, last.jitMillis(), last.seconds(), WARM_UP_EPOCHS);
                List<Epoch> ours = new ArrayList<>();
                List<Epoch> theirs = new ArrayList<>();
                for (int r = 0; r < repeats; r++) {
                    ours.add(lamina.epoch(SEED + r));
                    theirs.add(dl4j.epoch(SEED + r));
                    System.out.printf(Locale.ROOT, "  repeat %d: Lamina %.1f s (%.4f; gemm %.0f GFLOP/s; JIT %.0f ms),"
                            + " DL4J %.1f s (%.4f; gemm %.0f GFLOP/s; JIT %.0f ms)%n", r + 1, ours.get(r).seconds(),
                            ours.get(r).accuracy(), ours.get(r).gemmRate() / 1e9, ours.get(r).jitMillis(),
                            theirs.get(r).seconds(), theirs.get(r).accuracy(), theirs.get(r).gemmRate() / 1e9,
                            theirs.get(r).jitMillis());
                }
                memory.add(lamina.memoryReport(SEED));
                table.add(row(model, "Lamina", ours, images, flopsPerSample, lamina.predictRate(SEED)));
                table.add(row(model, "DL4J", theirs, images, flopsPerSample, dl4j.predictRate(SEED)));
                table.add(String.format(Locale.ROOT, "%-5s %-7s %10.2f", model, "ratio", median(ours) / median(theirs)));
            }
        }
        String compile = processorTime();
        System.out.println();
        table.forEach(System.out::println);
        memory.forEach(System.out::println);
        System.out.println(compile);
    }

    /** The median epoch's time and FLOP rate, the mean accuracy, and the median of the epochs' shares of the gemm rate. */
    private static String row(String model, String engine, List<Epoch> epochs, int images, long flopsPerSample,
                              double predictRate) {
        double seconds = median(epochs);
        double accuracy = epochs.stream().mapToDouble(Epoch::accuracy).average().orElseThrow();
        double flops = flopsPerSample * (double) images;
        double rate = flops / seconds;
        double shareOfGemm = median(epochs.stream().mapToDouble(e -> flops / e.seconds() / e.gemmRate()).toArray());
        String flag = accuracy < 0.9 ? " (did not learn: invalid timing)" : "";
        return String.format(Locale.ROOT, "%-5s %-7s %10.2f %12.0f %10.4f %12.1f %9.1f%% %12.0f%s", model, engine, seconds,
                images / seconds, accuracy, rate / 1e9, 100 * shareOfGemm, predictRate, flag);
    }

    private static double median(List<Epoch> epochs) {
        return median(epochs.stream().mapToDouble(Epoch::seconds).toArray());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** javac over the samples' sources with and without the processor, median of 3 each. */
    private static String processorTime() throws IOException {
        Path sources = Path.of(System.getProperty("lamina.samples", "../samples/src/main/java"));
        if (!Files.isDirectory(sources)) {
            return "Processor time: " + sources.toAbsolutePath() + " not found (run from bench/ or set -Dlamina.samples)";
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        double[] with = new double[3];
        double[] without = new double[3];
        for (int r = 0; r < 3; r++) {
            with[r] = compileSeconds(javac, files, true);
            without[r] = compileSeconds(javac, files, false);
        }
        return String.format(Locale.ROOT, "Compiling samples (%d files): %.2f s with the processor, %.2f s without"
                + " (-proc:none, generated sources excluded): the processor and its generated code add %.2f s",
                files.size(), median(with), median(without), median(with) - median(without));
    }

    private static double compileSeconds(JavaCompiler javac, List<Path> files, boolean processor) throws IOException {
        Path out = Files.createTempDirectory("lamina-bench");
        List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", out.toString(),
                "-classpath", System.getProperty("java.class.path")));
        options.add(processor ? "-processor" : "-proc:none");
        if (processor) {
            options.add("dev.lamina.processor.ModelProcessor");
        }
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            long start = System.nanoTime();
            // Without the processor the samples' references to generated networks cannot resolve, so that
            // run compiles errors too; it measures javac's own work on the same files.
            javac.getTask(null, fileManager, d -> { }, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
