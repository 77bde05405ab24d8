package dev.lamina.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An {@link EngineServer} in a JVM of its own, started by the benchmark and asked one command at a time. */
final class EngineClient implements AutoCloseable {
    /**
     * The server's heap is committed and touched at start, so that changes of the process's resident
     * memory that {@link MemoryProbe} reports are native memory, not the heap growing. One GB, not
     * more: on this machine a process's footprint slows memory-bound work, its own and its
     * neighbours'. Lamina's CNN epochs 2 and 3 of a fresh JVM, alternating the two heaps over two
     * runs: 7.6-8.8 s with a 1 GB heap, 8.2-9.4 s with 6 GB; and 11.0-11.7 s with 6 GB while another,
     * idle JVM held 7 GB, against 8.0-10.4 s without it.
     */
    private static final List<String> HEAP = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");

    private final String name;
    private final Process process;
    private final PrintWriter commands;
    private final BufferedReader output;
    private final int trainingImages;

    /** Starts {@code engine} ("lamina" or "dl4j") on {@code model} and waits until it has loaded its data. */
    EngineClient(String engine, String model, boolean quick) {
        this.name = engine + " " + model;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(HEAP);
        // The benchmark's own -D settings (JavaCPP's memory limits, the data directory) hold for its servers too.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-D"))
                .forEach(command::add);
        command.addAll(List.of("-classpath", System.getProperty("java.class.path"), EngineServer.class.getName(),
                engine, model));
        if (quick) {
            command.add("--quick");
        }
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name + " engine's JVM", e);
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

    /** The number of images each of its epochs trains on. */
    int trainingImages() {
        return trainingImages;
    }

    Epoch epoch(long seed) {
        return Epoch.parse(ask("epoch " + seed));
    }

    double predictRate(long seed) {
        return Double.parseDouble(ask("predict " + seed));
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
            throw new IllegalStateException("the " + name + " engine's JVM ended (exit code "
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
}
