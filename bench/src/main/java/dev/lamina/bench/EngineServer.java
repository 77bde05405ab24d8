package dev.lamina.bench;

import dev.lamina.runtime.data.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bytedeco.dnnl.global.dnnl;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One engine on one model in a JVM of its own, run by the {@link Benchmark} through an
 * {@link EngineClient}: {@code EngineServer lamina|dl4j MLP|CNN|FASHION_CNN|TOY_RESNET [--quick]}. It loads the data, answers
 * {@value #ANSWER}{@value #READY} and the number of training images, then reads one command a line from its standard input and answers each with one
 * line that starts with {@value #ANSWER}; anything else it prints is for the reader.
 * <ul>
 *   <li>{@code epoch SEED}: one timed epoch of a fresh network ({@link Epoch#line()});
 *   <li>{@code predict SEED}: test images per second of a fresh network;
 *   <li>{@code latency SEED}: a fresh network's batch-1 prediction time, median and 99th percentile in
 *       microseconds, of {@value Engine#TIMED_CALLS} calls after {@value Engine#WARM_UP_CALLS} untimed ({@link Engine#latency});
 *   <li>{@code gemm SEED}: the float32 2048^3 gemm rate in FLOP/s ({@link EpochTimer#gemmRate()}; the seed is unused);
 *   <li>{@code memory SEED}: Lamina only, the memory report of a fresh network's fourth epoch.
 * </ul>
 * It ends at the end of its input. {@code EngineServer --gemm} only answers ND4J's gemm rate and ends. PyTorch's engine, {@code bench/src/main/python/torch_engine.py}, speaks the same.
 */
public final class EngineServer {
    static final String ANSWER = "@ ";
    static final String READY = "ready";

    private EngineServer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--gemm")) {
            // The benchmark's header: ND4J's gemm rate, measured in a JVM like the engines' own.
            System.out.println("  oneDNN's instructions in the JVM engines: " + oneDnnInstructions());
            System.out.println(ANSWER + EpochTimer.gemmRate());
            return;
        }
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: EngineServer lamina|dl4j MLP|CNN|FASHION_CNN|TOY_RESNET [--quick]");
        }
        Workload model = Workload.valueOf(args[1]);
        Dataset train = model.train();
        if (args.length > 2 && args[2].equals("--quick")) {
            train = train.slice(0, Benchmark.QUICK_IMAGES);
        }
        Engine engine = Engine.of(args[0], model, train, model.test());
        System.out.printf(Locale.ROOT, "  %s %s: backend %s, %d threads, oneDNN's instructions %s%n", args[0], args[1],
                Nd4j.getBackend().getClass().getSimpleName(), Runtime.getRuntime().availableProcessors(),
                oneDnnInstructions());
        System.out.println(ANSWER + READY + " " + train.size());
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command; (command = commands.readLine()) != null; ) {
            System.out.println(ANSWER + answer(engine, command.split(" ")));
        }
    }

    /**
     * The instruction set oneDNN's kernels use in this process ("avx2", "avx512_core_amx", ...), after
     * {@link VectorCap}'s cap, as the oneDNN that Lamina calls reports it.
     */
    static String oneDnnInstructions() {
        try {
            // toString, not name: JavaCPP makes the enum's value in native code, with no name of its own.
            return String.valueOf(dnnl.get_effective_cpu_isa());
        } catch (LinkageError | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }

    private static String answer(Engine engine, String[] command) {
        long seed = Long.parseLong(command[1]);
        String answer = switch (command[0]) {
            case "epoch" -> engine.epoch(seed).line();
            case "predict" -> String.format(Locale.ROOT, "%s", engine.predictRate(seed));
            case "latency" -> engine.latency(seed);
            case "gemm" -> String.format(Locale.ROOT, "%s", EpochTimer.gemmRate());
            case "memory" -> {
                if (!(engine instanceof LaminaEngine lamina)) {
                    throw new IllegalArgumentException("memory: only Lamina's engine reports its memory");
                }
                yield lamina.memoryReport(seed);
            }
            default -> throw new IllegalArgumentException("no command " + command[0]);
        };
        // Leaves no clean-up of this epoch's arrays to run while the other engine's epoch runs.
        EpochTimer.settle();
        return answer;
    }
}
