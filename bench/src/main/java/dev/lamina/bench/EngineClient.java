package dev.lamina.bench;

import dev.lamina.runtime.data.DataDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An engine in a process of its own, started by the benchmark and asked one command at a time: an
 * {@link EngineServer} in a JVM for "lamina" and "dl4j", the Python script {@code torch_engine.py}
 * (in {@code src/main/python}, copied onto the classpath) for "pytorch", run by {@code /usr/bin/python3}
 * or the interpreter that {@code -Dlamina.bench.python} names. Both speak the same lines.
 */
final class EngineClient implements AutoCloseable {
    static final String PYTORCH = "pytorch";
    /** The interpreter with torch: Debian's python3-torch is for the system's Python, not a pyenv one first on PATH. */
    static final String PYTHON = System.getProperty("lamina.bench.python", "/usr/bin/python3");
    private static final String TORCH_ENGINE = "torch_engine.py";
    /**
     * The server's heap is committed and touched at start, so that changes of the process's resident
     * memory that {@link MemoryProbe} reports are native memory, not the heap growing. One GB, not
     * more: on this machine a process's footprint slows memory-bound work, its own and its
     * neighbours'. Lamina's CNN epochs 2 and 3 of a fresh JVM, alternating the two heaps over two
     * runs: 7.6-8.8 s with a 1 GB heap, 8.2-9.4 s with 6 GB; and 11.0-11.7 s with 6 GB while another,
     * idle JVM held 7 GB, against 8.0-10.4 s without it.
     */
    private static final List<String> HEAP = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");

    private final String engine;
    private final String name;
    private final Process process;
    private final PrintWriter commands;
    private final BufferedReader output;
    private final int trainingImages;

    /**
     * Starts {@code engine} ("lamina", "dl4j" or "pytorch") on {@code model} and waits until it has loaded
     * its data. PyTorch's is given {@code threads} threads: the number the JVM engines' ND4J uses, this
     * machine's available processors.
     */
    EngineClient(String engine, Workload model, boolean quick) {
        this.engine = engine;
        this.name = engine + " " + model;
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command);
        if (engine.equals(PYTORCH)) {
            int threads = threads();
            command.addAll(List.of(PYTHON, torchEngine().toString(), model.name(), "--threads", Integer.toString(threads),
                    "--data", DataDirectory.get().toString()));
            threadEnvironment(builder.environment(), threads);
        } else {
            engineEnvironment(builder.environment());
            command.addAll(jvm());
            command.addAll(List.of(engine, model.name()));
        }
        if (quick) {
            command.add("--quick");
        }
        try {
            process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name + " engine's process", e);
        }
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String[] ready = answer("start").split(" ");
        if (ready.length != 2 || !ready[0].equals(EngineServer.READY)) {
            throw new IllegalStateException("the " + name + " engine's JVM answered '" + String.join(" ", ready)
                    + "' to its start");
        }
        this.trainingImages = Integer.parseInt(ready[1]);
    }

    /** "lamina", "dl4j" or "pytorch". */
    String engine() {
        return engine;
    }

    /** The number of images each of its epochs trains on. */
    int trainingImages() {
        return trainingImages;
    }

    Epoch epoch(long seed) {
        return Epoch.parse(ask("epoch " + seed));
    }

    /** The engine's float32 2048^3 gemm rate in FLOP/s. */
    double gemmRate() {
        return Double.parseDouble(ask("gemm 0"));
    }

    double predictRate(long seed) {
        return Double.parseDouble(ask("predict " + seed));
    }

    /** Batch-1 prediction latency in microseconds: {median, 99th percentile} ({@link Engine#latency}). */
    double[] latency(long seed) {
        String[] answer = ask("latency " + seed).split(" ");
        return new double[] {Double.parseDouble(answer[0]), Double.parseDouble(answer[1])};
    }

    String memoryReport(long seed) {
        return ask("memory " + seed);
    }

    private String ask(String command) {
        commands.println(command);
        return answer(command);
    }

    /** The server's answer to {@code command}; what else it prints on the way goes to this JVM's output. */
    private String answer(String command) {
        try {
            for (String line; (line = output.readLine()) != null; ) {
                if (line.startsWith(EngineServer.ANSWER)) {
                    return line.substring(EngineServer.ANSWER.length());
                }
                System.out.println(line);
            }
            throw new IllegalStateException("the " + name + " engine's process ended (exit code "
                    + process.waitFor() + ") before answering '" + command + "'; its errors are above");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the " + name + " engine's answer to '" + command + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + name + " engine", e);
        }
    }

    /** Ends the server's input, on which it exits, and waits for it. */
    @Override
    public void close() throws InterruptedException {
        commands.close();
        process.waitFor();
    }

    /** An {@link EngineServer}'s JVM, up to its arguments. */
    static List<String> jvm() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(HEAP);
        command.addAll(VectorCap.jvmOptions());
        // The benchmark's own -D settings (JavaCPP's memory limits, the data directory) hold for its servers too.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-D"))
                .forEach(command::add);
        command.addAll(List.of("-classpath", System.getProperty("java.class.path"), EngineServer.class.getName()));
        return command;
    }

    /**
     * ND4J's float32 2048^3 gemm rate in FLOP/s, measured in an {@link EngineServer}'s JVM ({@code --gemm}),
     * so that this JVM does not load ND4J and keep its native memory through the run.
     */
    static double nd4jGemmRate() {
        List<String> command = jvm();
        command.add("--gemm");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        engineEnvironment(builder.environment());
        try {
            Process process = builder.start();
            String rate = null;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith(EngineServer.ANSWER)) {
                        rate = line.substring(EngineServer.ANSWER.length());
                    } else {
                        System.out.println(line);
                    }
                }
            }
            if (process.waitFor() != 0 || rate == null) {
                throw new IllegalStateException("EngineServer --gemm failed; its errors are above");
            }
            return Double.parseDouble(rate);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a JVM for ND4J's gemm rate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ND4J's gemm rate", e);
        }
    }

    /** The threads each engine computes with: the JVM engines' ND4J takes this machine's available processors. */
    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** OpenMP's and the BLAS libraries' thread counts, which they read from the environment when loaded, and {@link #engineEnvironment}. */
    static void threadEnvironment(Map<String, String> environment, int threads) {
        for (String variable : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            environment.put(variable, Integer.toString(threads));
        }
        engineEnvironment(environment);
    }

    /** What every engine's process gets: the same OpenMP wait policy, and {@link VectorCap}'s cap. */
    static void engineEnvironment(Map<String, String> environment) {
        waitPolicy(environment);
        VectorCap.environment(environment);
    }

    /**
     * The same OpenMP wait policy for every engine (ND4J's libnd4j and OpenBLAS and PyTorch all run on GNU
     * OpenMP): {@code -Dlamina.bench.ompWaitPolicy=PASSIVE|ACTIVE}, unless the benchmark's own
     * environment sets OMP_WAIT_POLICY; by default ("unset") OpenMP's own (spin a while, then sleep),
     * which is what a user's program gets, so that is what the benchmark measures. Where another
     * process keeps this machine's cores busy, a thread that spins at a barrier waits for one that is
     * descheduled: one toy-ResNet step of PyTorch with 2 threads took 1.2 s that way and 0.14 s with
     * PASSIVE, in one check under such load.
     */
    static void waitPolicy(Map<String, String> environment) {
        String policy = System.getProperty("lamina.bench.ompWaitPolicy", "unset");
        if (System.getenv("OMP_WAIT_POLICY") != null) {
            return;
        }
        if (policy.equalsIgnoreCase("unset")) {
            environment.remove("OMP_WAIT_POLICY");
        } else {
            environment.put("OMP_WAIT_POLICY", policy);
        }
    }

    /**
     * Whether {@link #PYTHON} imports torch (within a minute); if not, prints so once and the benchmark
     * runs without PyTorch.
     */
    static boolean pytorchAvailable() {
        try {
            Process check = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0) {
                return true;
            }
            check.destroy();
        } catch (IOException e) {
            // no such interpreter: reported below as torch not found
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("PyTorch not found for " + PYTHON + ": run bench/install-pytorch.sh");
        return false;
    }

    /**
     * PyTorch's version, threads and BLAS ({@code torch_engine.py --info}) and, as the last line, its
     * gemm rate in FLOP/s; the lines before it are printed here.
     */
    static double torchInfo() {
        int threads = threads();
        ProcessBuilder builder = new ProcessBuilder(PYTHON, torchEngine().toString(), "--info", "--threads",
                Integer.toString(threads)).redirectError(ProcessBuilder.Redirect.INHERIT);
        threadEnvironment(builder.environment(), threads);
        try {
            Process process = builder.start();
            List<String> lines;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines = reader.lines().toList();
            }
            if (process.waitFor() != 0 || lines.isEmpty()) {
                throw new IllegalStateException("torch_engine.py --info failed; its errors are above");
            }
            lines.subList(0, lines.size() - 1).forEach(System.out::println);
            return Double.parseDouble(lines.get(lines.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + PYTHON, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for torch_engine.py --info", e);
        }
    }

    /** {@code torch_engine.py}: the file {@code -Dlamina.bench.torchEngine} names, else the classpath's copied to a temporary file. */
    static synchronized Path torchEngine() {
        String configured = System.getProperty("lamina.bench.torchEngine");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (extracted == null) {
            try (InputStream script = EngineClient.class.getResourceAsStream("/" + TORCH_ENGINE)) {
                if (script == null) {
                    throw new IllegalStateException(TORCH_ENGINE + " is not on the classpath (bench/src/main/python)");
                }
                Path file = Files.createTempFile("lamina-torch-engine", ".py");
                file.toFile().deleteOnExit();
                Files.copy(script, file, StandardCopyOption.REPLACE_EXISTING);
                extracted = file;
            } catch (IOException e) {
                throw new UncheckedIOException("could not copy " + TORCH_ENGINE + " to a temporary file", e);
            }
        }
        return extracted;
    }

    private static Path extracted;
}
