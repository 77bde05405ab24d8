package dev.lamina.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One epoch of the reference MLP, CNN, Fashion-MNIST CNN and toy ResNet with Lamina's generated networks,
 * with DL4J's MultiLayerNetwork on the same ND4J backend (MLP and CNN only) and with PyTorch, alternated and
 * repeated, then inference throughput and the annotation processor's share of compiling the samples.
 * Each engine runs in a process of its own ({@link EngineClient}): Lamina's and DL4J's in a JVM, as a
 * user's program would, PyTorch's in {@code /usr/bin/python3} (bench/src/main/python/torch_engine.py);
 * all are started before the model's first epoch and kept through its epochs, which this JVM alternates
 * between them. Options:
 * <ul>
 *   <li>{@code --models mlp,cnn,fashion-cnn,toy-resnet}: the models, in that order (all four by default);
 *   <li>{@code --engines lamina,dl4j,pytorch}: the engines (all three by default; DL4J is not run for the
 *       Fashion-MNIST models, and PyTorch is left out, with one line saying so, when the interpreter cannot import torch);
 *   <li>{@code --quick}: {@value #QUICK_IMAGES} training images and one timed epoch, to check that it runs;
 *   <li>{@code --mlp-only}, {@code --cnn-only}: {@code --models mlp}, {@code --models cnn};
 *   <li>{@code --memory-only}: only Lamina's memory of a later epoch, without the timings;
 *   <li>{@code --loaded}: after each model's quiet epochs, the same epochs and latencies again with one busy
 *       process ({@link LoadedRun.Busy}) spinning on one core the whole time: each engine's loaded epoch
 *       against its own quiet one, and the engines against each other under the same load.
 * </ul>
 * {@code -Dlamina.bench.python=...} names the interpreter with torch ({@code /usr/bin/python3} by default);
 * {@code -Dlamina.bench.ompWaitPolicy=PASSIVE|ACTIVE|unset} the OpenMP wait policy of every engine's
 * process (OpenMP's own by default, see {@link EngineClient#waitPolicy}); {@code -Dlamina.bench.isa=avx2}
 * caps every engine's kernels at AVX2, as on a machine without AVX-512 ({@link VectorCap}).
 */
public final class Benchmark {
    static final int QUICK_IMAGES = 6000;
    static final List<String> ENGINES = List.of("lamina", "dl4j", EngineClient.PYTORCH);
    private static final long SEED = 42;
    /**
     * For the MLP and the CNN, Lamina's epochs go on after the {@link Workload#warmUps} until the JIT is
     * quiet (see {@link #QUIET}), at most this many in all: in one JVM the MLP's epochs 4 to 14 still took
     * 1.04 to 0.77 s as the JIT compiled 6 to 729 ms in each, and a timed epoch should measure the code,
     * not its compilation. DL4J's epochs are ten to twenty times longer, so its third ends with its JIT
     * long quiet; PyTorch has no JIT. At least three warm-up epochs per engine for these two models: the
     * JIT compiles a method to its final form after some 15,000 calls, each ND4J op call runs a few dozen
     * methods, and its compiler threads share this machine's two cores with the training while they work.
     * In a fresh JVM Lamina's MLP epochs took 2.2, 1.8, 1.2, 1.1 s; with two warm-ups the first timed epoch
     * was the slowest of three in every run (MLP 1.4 s against 0.9 and 1.0; CNN 14.7 s against 11.4 and 11.6).
     */
    private static final int MAX_WARM_UP_EPOCHS = 10;
    /**
     * For the models with long epochs ({@link Workload#longEpochs}), Lamina's warm-up goes on only until
     * this many epochs: in a --quick run (94 steps an epoch) the toy ResNet's JIT still compiled for 3.4 s
     * of the 18.8 s epoch after the one warm-up; a full epoch has ten times the steps, so its JIT is likely
     * quiet after one, and then no more warm-up epochs are run.
     */
    private static final int MAX_LONG_WARM_UPS = 3;
    /** An epoch in which the JIT compiled for less than this share of its time counts as quiet. */
    private static final double QUIET = 0.01;

    private Benchmark() {
    }

    /** The command line's choices. */
    record Options(List<Workload> models, List<String> engines, boolean quick, boolean memoryOnly, boolean loaded) {
        static Options parse(String... args) {
            List<Workload> models = List.of(Workload.values());
            List<String> engines = ENGINES;
            boolean quick = false;
            boolean memoryOnly = false;
            boolean loaded = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                    arg = arg.substring(0, arg.indexOf('='));
                } else if ((arg.equals("--models") || arg.equals("--engines")) && i + 1 < args.length) {
                    value = args[++i];
                }
                switch (arg) {
                    case "--quick" -> quick = true;
                    case "--memory-only" -> memoryOnly = true;
                    case "--loaded" -> loaded = true;
                    case "--mlp-only" -> models = List.of(Workload.MLP);
                    case "--cnn-only" -> models = List.of(Workload.CNN);
                    case "--models" -> models = list(arg, value).stream().map(Workload::byOption).distinct().toList();
                    case "--engines" -> {
                        List<String> named = list(arg, value);
                        for (String engine : named) {
                            if (!ENGINES.contains(engine)) {
                                throw new IllegalArgumentException("no engine '" + engine + "'; the engines are "
                                        + String.join(", ", ENGINES));
                            }
                        }
                        engines = ENGINES.stream().filter(named::contains).toList();
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; the options are"
                            + " --models " + Workload.options().replace(", ", ",") + ", --engines "
                            + String.join(",", ENGINES) + ", --quick, --mlp-only, --cnn-only, --memory-only, --loaded");
                }
            }
            return new Options(models, engines, quick, memoryOnly, loaded);
        }

        private static List<String> list(String option, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(option + " needs a comma-separated list");
            }
            return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                    .map(v -> v.toLowerCase(Locale.ROOT)).toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        boolean quick = options.quick();
        if (options.memoryOnly()) {
            for (Workload model : options.models()) {
                try (EngineClient lamina = new EngineClient("lamina", model, quick)) {
                    System.out.println(lamina.memoryReport(SEED));
                }
            }
            return;
        }
        List<String> engines = new ArrayList<>(options.engines());
        if (engines.contains(EngineClient.PYTORCH) && !EngineClient.pytorchAvailable()) {
            engines.remove(EngineClient.PYTORCH);
        }
        System.out.printf(Locale.ROOT, "CPU: %s, %d processors; vector extensions: %s%n", ServingBenchmark.cpuModel(),
                Runtime.getRuntime().availableProcessors(), vectorFlags(CpuInfo.field("flags")));
        System.out.printf(Locale.ROOT, "Vector instructions every engine may use: %s%n", VectorCap.describe());
        Map<String, String> policy = new HashMap<>();
        EngineClient.waitPolicy(policy);
        System.out.printf(Locale.ROOT, "OpenMP wait policy of every engine's process: %s%n",
                System.getenv("OMP_WAIT_POLICY") != null ? System.getenv("OMP_WAIT_POLICY") + " (from the environment)"
                        : policy.getOrDefault("OMP_WAIT_POLICY", "OpenMP's default"));
        if (engines.contains("lamina") || engines.contains("dl4j")) {
            System.out.printf(Locale.ROOT, "ND4J float32 gemm (2048^3, best of 10): %.0f GFLOP/s%n",
                    EngineClient.nd4jGemmRate() / 1e9);
        }
        if (engines.contains(EngineClient.PYTORCH)) {
            double torch = EngineClient.torchInfo();
            System.out.printf(Locale.ROOT, "PyTorch float32 gemm (2048^3, best of 10): %.0f GFLOP/s%n", torch / 1e9);
        }
        System.out.printf(Locale.ROOT, "Each engine runs in a process of its own; each measures its float32 gemm rate"
                + " (2048^3, best of 10) just before every timed epoch, whose share of it is taken against that"
                + " measurement%n");

        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "%-10s %-7s %8s %13s %9s %8s %8s %9s %9s %10s %8s %8s", "model", "engine",
                "s/epoch", "range", "images/s", "mean acc", "GFLOP/s", "% of gemm", "gemm GF/s", "predict/s", "b1 p50us",
                "b1 p99us"));
        List<String> loadedTable = new ArrayList<>();
        loadedTable.add(String.format(Locale.ROOT, "%-10s %-7s %13s %13s %8s %8s %8s %9s", "model", "engine",
                "quiet s/epoch", "busy s/epoch", "busy/quiet", "b1 p50us", "b1 p99us", "p99/p50"));
        List<String> memory = new ArrayList<>();
        for (Workload model : options.models()) {
            long flopsPerSample = model.flopsPerSample();
            System.out.printf(Locale.ROOT, "%n%s: %,d training FLOPs per sample, batches of %d%n", model, flopsPerSample,
                    model.batchSize);
            List<String> here = engines.stream().filter(e -> model.dl4j || !e.equals("dl4j")).toList();
            if (!model.dl4j && engines.contains("dl4j")) {
                System.out.printf("  DL4J: not run for the %s (its residual additions would need a ComputationGraph,"
                        + " which Dl4jModels does not configure)%n", model);
            }
            if (here.isEmpty()) {
                System.out.println("  no engine to run it");
                continue;
            }
            List<EngineClient> clients = new ArrayList<>();
            try {
                for (String engine : here) {
                    clients.add(new EngineClient(engine, model, quick));
                }
                int images = clients.get(0).trainingImages();
                System.out.printf(Locale.ROOT, "  %.1f GFLOP per epoch of %d images%n",
                        flopsPerSample * (double) images / 1e9, images);
                // Warm-up epochs, then alternate: Lamina, DL4J, PyTorch, Lamina, ... Repeat r starts every
                // engine from seed SEED + r (weights and batch order), so the accuracies are a sample, not one draw.
                Epoch last = null;
                for (int w = 1; w <= model.warmUps; w++) {
                    for (EngineClient client : clients) {
                        Epoch epoch = client.epoch(SEED - w);
                        if (client.engine().equals("lamina")) {
                            last = epoch;
                        }
                    }
                }
                int warmUps = model.warmUps;
                int maxWarmUps = model.longEpochs() ? MAX_LONG_WARM_UPS : MAX_WARM_UP_EPOCHS;
                EngineClient lamina = clients.stream().filter(c -> c.engine().equals("lamina")).findFirst().orElse(null);
                while (lamina != null && last.jitShare() >= QUIET && warmUps < maxWarmUps) {
                    last = lamina.epoch(SEED - ++warmUps);
                }
                StringBuilder warmUpLine = new StringBuilder("  warm-up epochs:");
                for (EngineClient client : clients) {
                    warmUpLine.append(' ').append(display(client.engine())).append(' ')
                            .append(client == lamina ? warmUps : model.warmUps);
                }
                if (lamina != null) {
                    warmUpLine.append(String.format(Locale.ROOT, " (Lamina's JIT compiled for %.0f ms of its last, %.1f s)",
                            last.jitMillis(), last.seconds()));
                }
                System.out.println(warmUpLine);
                int repeats = quick ? 1 : model.repeats;
                Map<String, List<Epoch>> epochs = epochs(clients, repeats, "");
                Map<String, double[]> latencies = latencies(clients, "");
                if (lamina != null && !model.longEpochs()) {
                    // Not for long epochs: the report trains four (the toy ResNet's, some five minutes).
                    memory.add(lamina.memoryReport(SEED));
                }
                for (EngineClient client : clients) {
                    table.add(row(model, display(client.engine()), epochs.get(client.engine()), images, flopsPerSample,
                            client.predictRate(SEED), latencies.get(client.engine())));
                }
                table.add(ratios(model, epochs));
                if (options.loaded()) {
                    Process busy = LoadedRun.busy();
                    try {
                        Map<String, List<Epoch>> busyEpochs = epochs(clients, repeats, " (one busy process)");
                        Map<String, double[]> busyLatencies = latencies(clients, " (one busy process)");
                        for (EngineClient client : clients) {
                            String engine = client.engine();
                            double[] latency = busyLatencies.get(engine);
                            loadedTable.add(String.format(Locale.ROOT, "%-10s %-7s %13.2f %13.2f %8.2f %8.0f %8.0f %9.1f",
                                    model, display(engine), median(epochs.get(engine)), median(busyEpochs.get(engine)),
                                    median(busyEpochs.get(engine)) / median(epochs.get(engine)), latency[0], latency[1],
                                    latency[1] / latency[0]));
                        }
                        loadedTable.add(ratios(model, busyEpochs) + "  (one busy process)");
                    } finally {
                        busy.destroyForcibly().waitFor();
                    }
                }
            } finally {
                for (EngineClient client : clients) {
                    client.close();
                }
            }
        }
        String compile = processorTime();
        System.out.println();
        table.forEach(System.out::println);
        if (options.loaded()) {
            System.out.println();
            System.out.println("With one busy process on one core (b1: batch-1 predict latency, microseconds):");
            loadedTable.forEach(System.out::println);
        }
        memory.forEach(System.out::println);
        System.out.println(compile);
    }

    /**
     * {@code repeats} rounds of one epoch per engine, alternated, repeat r from seed SEED + r for every
     * engine (weights and batch order), so that the accuracies are a sample, not one draw.
     */
    private static Map<String, List<Epoch>> epochs(List<EngineClient> clients, int repeats, String load) {
        Map<String, List<Epoch>> epochs = new LinkedHashMap<>();
        for (int r = 0; r < repeats; r++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  repeat %d%s:", r + 1, load));
            for (EngineClient client : clients) {
                Epoch epoch = client.epoch(SEED + r);
                epochs.computeIfAbsent(client.engine(), e -> new ArrayList<>()).add(epoch);
                line.append(String.format(Locale.ROOT, " %s %.1f s (%.4f; gemm %.0f GFLOP/s; JIT %.0f ms)",
                        display(client.engine()), epoch.seconds(), epoch.accuracy(), epoch.gemmRate() / 1e9,
                        epoch.jitMillis()));
            }
            System.out.println(line);
        }
        return epochs;
    }

    /** Rounds of batch-1 latency, the engines alternated in each. */
    static final int LATENCY_ROUNDS = 3;

    /**
     * Each engine's batch-1 latency {median, p99} in microseconds: the medians over
     * {@value #LATENCY_ROUNDS} rounds of {@link Engine#latency}, each a fresh network, the engines
     * alternated in each round so that a slow spell of the shared machine falls on both; every round
     * printed as it comes.
     */
    private static Map<String, double[]> latencies(List<EngineClient> clients, String load) {
        Map<String, double[][]> rounds = new LinkedHashMap<>();
        for (int round = 0; round < LATENCY_ROUNDS; round++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  batch-1 predict%s, round %d:", load, round + 1));
            for (EngineClient client : clients) {
                double[] latency = client.latency(SEED);
                double[][] engineRounds = rounds.computeIfAbsent(client.engine(), engine -> new double[2][LATENCY_ROUNDS]);
                engineRounds[0][round] = latency[0];
                engineRounds[1][round] = latency[1];
                line.append(String.format(Locale.ROOT, " %s median %.0f us, p99 %.0f us;", display(client.engine()),
                        latency[0], latency[1]));
            }
            System.out.println(line);
        }
        Map<String, double[]> latencies = new LinkedHashMap<>();
        rounds.forEach((engine, values) -> latencies.put(engine, new double[] {median(values[0]), median(values[1])}));
        return latencies;
    }

    /** The engine's name in the output. */
    static String display(String engine) {
        return switch (engine) {
            case "lamina" -> "Lamina";
            case "dl4j" -> "DL4J";
            case EngineClient.PYTORCH -> "PyTorch";
            default -> engine;
        };
    }

    /** Lamina's median seconds per epoch over DL4J's and over PyTorch's, where both ran. */
    static String ratios(Workload model, Map<String, List<Epoch>> epochs) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s %-7s", model, "ratio"));
        List<Epoch> ours = epochs.get("lamina");
        for (String other : List.of("dl4j", EngineClient.PYTORCH)) {
            if (ours != null && epochs.containsKey(other)) {
                line.append(String.format(Locale.ROOT, "  Lamina/%s %.2f", display(other),
                        median(ours) / median(epochs.get(other))));
            }
        }
        return line.toString();
    }

    /**
     * The median epoch's time, the range of the epochs' times, the FLOP rate of the median epoch, the mean
     * accuracy, the median of the epochs' shares of the gemm rate and the median gemm rate measured before them.
     */
    private static String row(Workload model, String engine, List<Epoch> epochs, int images, long flopsPerSample,
                              double predictRate, double[] latency) {
        double seconds = median(epochs);
        double[] all = epochs.stream().mapToDouble(Epoch::seconds).toArray();
        String range = String.format(Locale.ROOT, "%.2f-%.2f", Arrays.stream(all).min().orElseThrow(),
                Arrays.stream(all).max().orElseThrow());
        double accuracy = epochs.stream().mapToDouble(Epoch::accuracy).average().orElseThrow();
        double flops = flopsPerSample * (double) images;
        double rate = flops / seconds;
        double shareOfGemm = median(epochs.stream().mapToDouble(e -> flops / e.seconds() / e.gemmRate()).toArray());
        double gemm = median(epochs.stream().mapToDouble(Epoch::gemmRate).toArray());
        String flag = accuracy < model.learned ? " (did not learn: invalid timing)" : "";
        return String.format(Locale.ROOT, "%-10s %-7s %8.2f %13s %9.0f %8.4f %8.1f %8.1f%% %9.0f %10.0f %8.0f %8.0f%s", model,
                engine, seconds, range, images / seconds, accuracy, rate / 1e9, 100 * shareOfGemm, gemm / 1e9, predictRate,
                latency[0], latency[1], flag);
    }

    /** Of a CPU's flags, the vector extensions that gemm kernels choose by: FMA, AVX*, AMX*. */
    static String vectorFlags(String flags) {
        List<String> vector = Arrays.stream(flags.split("\\s+"))
                .filter(f -> f.equals("fma") || f.startsWith("avx") || f.startsWith("amx")).sorted().toList();
        return vector.isEmpty() ? "none of FMA, AVX, AMX" : String.join(" ", vector);
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
