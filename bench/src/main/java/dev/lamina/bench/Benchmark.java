package dev.lamina.bench;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.Mnist;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.runtime.training.Network;
import dev.lamina.runtime.training.TrainingLoop;
import dev.lamina.samples.MnistCnnNetwork;
import dev.lamina.samples.MnistMlpNetwork;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One epoch of the reference MLP and CNN with Lamina's generated networks and with DL4J's
 * MultiLayerNetwork on the same ND4J backend, alternated and repeated, then inference throughput and
 * the annotation processor's share of compiling the samples. {@code --quick}: 6,000 training images,
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
        int repeats = quick ? 1 : 3;
        Dataset train = Mnist.train();
        Dataset test = Mnist.test();
        if (quick) {
            train = train.slice(0, 6000);
        }
        System.out.printf(Locale.ROOT, "Backend: %s, %d threads%n", Nd4j.getBackend().getClass().getSimpleName(),
                Runtime.getRuntime().availableProcessors());
        if (Arrays.asList(args).contains("--memory-only")) {
            for (String model : models) {
                System.out.println(memoryReport(model, lamina(model), train, batchSize(model)));
            }
            return;
        }
        System.out.printf(Locale.ROOT, "float32 gemm (2048^3, best of 10): %.1f GFLOP/s; measured again before"
                + " every timed epoch, whose share of it is taken against that measurement%n", gemmRate() / 1e9);

        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "%-5s %-7s %10s %12s %10s %12s %10s %12s", "model", "engine",
                "s/epoch", "images/s", "mean acc", "GFLOP/s", "% of gemm", "predict/s"));
        List<String> memory = new ArrayList<>();
        for (String model : models) {
            boolean mlp = model.equals("MLP");
            int batch = batchSize(model);
            LongFunction<Network> lamina = lamina(model);
            LongFunction<MultiLayerNetwork> dl4j = mlp ? Dl4jModels::mlp : Dl4jModels::cnn;
            long flopsPerSample = TrainingFlops.perSample(mlp ? TrainingFlops.MLP : TrainingFlops.CNN);
            System.out.printf(Locale.ROOT, "%n%s: %,d training FLOPs per sample, %.1f GFLOP per epoch of %d images%n",
                    model, flopsPerSample, flopsPerSample * (double) train.size() / 1e9, train.size());

            // Warm-up epochs, then alternate: Lamina, DL4J, Lamina, DL4J, ... Repeat r starts both from
            // seed SEED + r (weights and batch order), so the accuracies are a sample, not one draw.
            Epoch last = null;
            for (int w = 1; w <= WARM_UP_EPOCHS; w++) {
                last = laminaEpoch(lamina, train, test, batch, SEED - w);
                dl4jEpoch(dl4j, train, test, batch, SEED - w);
            }
            int warmUps = WARM_UP_EPOCHS;
            while (last.jitShare() >= QUIET && warmUps < MAX_WARM_UP_EPOCHS) {
                last = laminaEpoch(lamina, train, test, batch, SEED - ++warmUps);
            }
            System.out.printf(Locale.ROOT, "  warm-up: Lamina %d epochs (the JIT compiled for %.0f ms of the last,"
                    + " %.1f s), DL4J %d%n", warmUps, last.jitMillis, last.seconds, WARM_UP_EPOCHS);
            List<Epoch> ours = new ArrayList<>();
            List<Epoch> theirs = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                ours.add(laminaEpoch(lamina, train, test, batch, SEED + r));
                theirs.add(dl4jEpoch(dl4j, train, test, batch, SEED + r));
                System.out.printf(Locale.ROOT, "  repeat %d: Lamina %.1f s (%.4f; gemm %.0f GFLOP/s; JIT %.0f ms),"
                        + " DL4J %.1f s (%.4f; gemm %.0f GFLOP/s; JIT %.0f ms)%n", r + 1, ours.get(r).seconds,
                        ours.get(r).accuracy, ours.get(r).gemmRate / 1e9, ours.get(r).jitMillis,
                        theirs.get(r).seconds, theirs.get(r).accuracy, theirs.get(r).gemmRate / 1e9,
                        theirs.get(r).jitMillis);
            }
            memory.add(memoryReport(model, lamina, train, batch));
            double laminaPredict = laminaPredictRate(lamina.apply(SEED), test);
            double dl4jPredict = dl4jPredictRate(dl4j.apply(SEED), test);
            table.add(row(model, "Lamina", ours, train.size(), flopsPerSample, laminaPredict));
            table.add(row(model, "DL4J", theirs, train.size(), flopsPerSample, dl4jPredict));
            table.add(String.format(Locale.ROOT, "%-5s %-7s %10.2f", model, "ratio", median(ours) / median(theirs)));
        }
        String compile = processorTime();
        System.out.println();
        table.forEach(System.out::println);
        memory.forEach(System.out::println);
        System.out.println(compile);
    }

    /**
     * One timed epoch, with the gemm rate measured just before it (this shared machine's speed drifts
     * within a run, so each epoch's share of the gemm rate is taken against its own measurement) and
     * the milliseconds the JIT compiled for during it.
     */
    private record Epoch(double seconds, double accuracy, double gemmRate, double jitMillis) {
        double jitShare() {
            return jitMillis / 1000 / seconds;
        }
    }

    /** The JIT's total compilation time so far, in milliseconds. */
    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** The reference settings: batch 128 for the MLP, 64 for the CNN. */
    private static int batchSize(String model) {
        return model.equals("MLP") ? 128 : 64;
    }

    private static LongFunction<Network> lamina(String model) {
        return model.equals("MLP") ? MnistMlpNetwork::create : MnistCnnNetwork::create;
    }

    private static Epoch laminaEpoch(LongFunction<Network> create, Dataset train, Dataset test, int batch, long seed) {
        Network network = create.apply(seed);
        return timed(() -> TrainingLoop.fit(network, train, FitOptions.epochs(1).batchSize(batch).seed(seed).verbose(0)),
                () -> TrainingLoop.evaluate(network, test).accuracy());
    }

    /**
     * Times one engine's {@code epoch} the same way for both: after {@link #settle}, with the gemm rate
     * measured just before and the JIT's compiling during it; {@code accuracy} is then asked once.
     */
    private static Epoch timed(Runnable epoch, DoubleSupplier accuracy) {
        settle();
        double gemm = gemmRate();
        long jit = jitMillis();
        long start = System.nanoTime();
        epoch.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        jit = jitMillis() - jit;
        return new Epoch(seconds, accuracy.getAsDouble(), gemm, jit);
    }

    /**
     * Four epochs of a fresh network, the last watched by a {@link MemoryProbe}. Not the second: in a
     * fresh JVM (--memory-only) the JIT still compiles through the second and third epochs, and its
     * code is native memory too: in such a JVM the MLP's epochs 2 to 5 grew resident memory by 13.5,
     * 1.7, 0.1 and 0.1 MB.
     */
    private static String memoryReport(String model, LongFunction<Network> create, Dataset train, int batch) {
        int epochs = 4;
        MemoryProbe probe = new MemoryProbe(epochs - 1);
        TrainingLoop.fit(create.apply(SEED), train,
                FitOptions.epochs(epochs).batchSize(batch).seed(SEED).verbose(0).callbacks(probe));
        return probe.report(model);
    }

    /** DL4J's epoch: the same shuffled batches, gathered the same way, fed to MultiLayerNetwork.fit. */
    private static Epoch dl4jEpoch(LongFunction<MultiLayerNetwork> create, Dataset train, Dataset test, int batch,
                                   long seed) {
        MultiLayerNetwork network = create.apply(seed);
        INDArray features = train.features().reshape('c', train.size(), 784);
        INDArray labels = train.labelsOneHot();
        int[] order = shuffled(train.size(), seed);
        return timed(() -> {
            for (int from = 0; from < order.length; from += batch) {
                int[] indices = Arrays.copyOfRange(order, from, Math.min(order.length, from + batch));
                network.fit(new DataSet(Nd4j.pullRows(features, 1, indices), Nd4j.pullRows(labels, 1, indices)));
            }
        }, () -> dl4jAccuracy(network, test));
    }

    private static double dl4jAccuracy(MultiLayerNetwork network, Dataset test) {
        INDArray predictions = dl4jOutput(network, test);
        long[] predicted = predictions.argMax(1).toLongVector();
        int[] labels = test.labels();
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }

    /** DL4J's outputs in batches of 256, as Lamina's predict. */
    private static INDArray dl4jOutput(MultiLayerNetwork network, Dataset test) {
        INDArray features = test.features().reshape('c', test.size(), 784);
        INDArray all = Nd4j.create(DataType.FLOAT, test.size(), 10);
        for (int from = 0; from < test.size(); from += 256) {
            int to = Math.min(test.size(), from + 256);
            all.get(NDArrayIndex.interval(from, to)).assign(network.output(features.get(NDArrayIndex.interval(from, to))));
        }
        return all;
    }

    private static double laminaPredictRate(Network network, Dataset test) {
        double[] seconds = new double[3];
        for (int r = 0; r < 3; r++) {
            long start = System.nanoTime();
            TrainingLoop.predict(network, test.features());
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        return test.size() / median(seconds);
    }

    private static double dl4jPredictRate(MultiLayerNetwork network, Dataset test) {
        double[] seconds = new double[3];
        for (int r = 0; r < 3; r++) {
            long start = System.nanoTime();
            dl4jOutput(network, test);
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        return test.size() / median(seconds);
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * Collects what the epoch before left (DL4J's epochs leave hundreds of thousands of arrays) and
     * gives ND4J's deallocator threads time to free their native memory, so that an epoch does not
     * share this machine's two cores with the clean-up of the one before.
     */
    private static void settle() {
        System.gc();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The best of 10 float32 gemms of 2048^3 (2 * 2048^3 FLOPs each), after 3 warm-ups. */
    private static double gemmRate() {
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

    /** The median epoch's time and FLOP rate, the mean accuracy, and the median of the epochs' shares of the gemm rate. */
    private static String row(String model, String engine, List<Epoch> epochs, int images, long flopsPerSample,
                              double predictRate) {
        double seconds = median(epochs);
        double accuracy = epochs.stream().mapToDouble(Epoch::accuracy).average().orElseThrow();
        double flops = flopsPerSample * (double) images;
        double rate = flops / seconds;
        double shareOfGemm = median(epochs.stream().mapToDouble(e -> flops / e.seconds / e.gemmRate).toArray());
        String flag = accuracy < 0.9 ? " (did not learn: invalid timing)" : "";
        return String.format(Locale.ROOT, "%-5s %-7s %10.2f %12.0f %10.4f %12.1f %9.1f%% %12.0f%s", model, engine, seconds,
                images / seconds, accuracy, rate / 1e9, 100 * shareOfGemm, predictRate, flag);
    }

    private static double median(List<Epoch> epochs) {
        return median(epochs.stream().mapToDouble(Epoch::seconds).toArray());
    }

    private static double median(double[] values) {
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
