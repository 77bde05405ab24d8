package dev.lamina.bench;

import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.samples.MnistCnnNetwork;
import dev.lamina.samples.MnistMlpNetwork;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One network serving batch-1 {@code predict} calls from 1, 2 and 8 threads at once, as a service's
 * request threads call it: each call's latency (median and 99th percentile) and the calls per second
 * of all threads together. Each thread count runs for {@value #SECONDS} s, twice, in the order
 * 1, 2, 8, 1, 2, 8, so that a slow minute of this shared machine shows as a difference between the
 * two rounds. Run: {@code mvn -B -q -pl bench exec:exec -Dbench.main=dev.lamina.bench.ServingBenchmark}.
 */
public final class ServingBenchmark {
    private static final int[] THREADS = {1, 2, 8};
    private static final int ROUNDS = 2;
    private static final double SECONDS = 5;
    /** Distinct images the callers cycle through. */
    private static final int IMAGES = 256;

    private ServingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "CPU: %s, %d cores, %s; float32 gemm (2048^3, best of 10): %.0f GFLOP/s%n",
                cpuModel(), Runtime.getRuntime().availableProcessors(), vectorExtensions(), EpochTimer.gemmRate() / 1e9);
        INDArray images = images(IMAGES);
        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "%-5s %7s %5s %12s %12s %12s", "model", "threads", "round",
                "median ms", "p99 ms", "calls/s"));
        for (String model : List.of("MLP", "CNN")) {
            LongFunction<AbstractNetwork> create = model.equals("MLP") ? MnistMlpNetwork::create : MnistCnnNetwork::create;
            AbstractNetwork network = create.apply(42);
            // A round untimed first: the JIT compiles the call path (with 3,000 calls of warm-up instead,
            // the first timed round's MLP made 2,968 calls/s from one thread and the second 5,086), and
            // the replicas for 8 threads are made.
            for (int threads : THREADS) {
                run(network, images, threads);
            }
            for (int round = 1; round <= ROUNDS; round++) {
                for (int threads : THREADS) {
                    Result result = run(network, images, threads);
                    String row = String.format(Locale.ROOT, "%-5s %7d %5d %12.3f %12.3f %12.0f", model, threads, round,
                            result.percentile(0.5) / 1e6, result.percentile(0.99) / 1e6, result.callsPerSecond());
                    System.out.println(row);
                    table.add(row);
                }
            }
        }
        System.out.println();
        table.forEach(System.out::println);
    }

    /** {@code threads} threads calling {@code predict} on one image each time, for {@value #SECONDS} s. */
    private static Result run(AbstractNetwork network, INDArray images, int threads) throws Exception {
        long[][] latencies = new long[threads][];
        CountDownLatch ready = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                long[] own = new long[1 << 16];
                int done = 0;
                ready.countDown();
                await(ready);
                long deadline = System.nanoTime() + (long) (SECONDS * 1e9);
                for (int i = thread; System.nanoTime() < deadline; i += threads) {
                    INDArray image = images.get(NDArrayIndex.interval(i % IMAGES, i % IMAGES + 1));
                    long called = System.nanoTime();
                    network.predict(image);
                    if (done == own.length) {
                        own = Arrays.copyOf(own, own.length * 2);
                    }
                    own[done++] = System.nanoTime() - called;
                }
                latencies[thread] = Arrays.copyOf(own, done);
            }, "caller " + t);
            workers.add(worker);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, seconds);
    }

    private record Result(long[] sortedNanos, double seconds) {
        double percentile(double p) {
            return Engine.percentile(sortedNanos, p);
        }

        double callsPerSecond() {
            return sortedNanos.length / seconds;
        }
    }

    /** {@code count} images of 28x28 with pixels in [0, 1), the same every run. */
    private static INDArray images(int count) {
        Random random = new Random(1);
        float[] pixels = new float[count * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return Nd4j.create(pixels, new long[] {count, 28, 28}, DataType.FLOAT);
    }

    static String cpuModel() throws IOException {
        return CpuInfo.field("model name");
    }

    /** Which of AVX2 and AVX-512F the CPU has: the gemm rate and oneDNN's kernels depend on them. */
    static String vectorExtensions() throws IOException {
        List<String> flags = Arrays.asList(CpuInfo.field("flags").split(" "));
        String found = String.join(" and ", flags.stream().filter(f -> f.equals("avx2") || f.equals("avx512f"))
                .map(f -> f.toUpperCase(Locale.ROOT).replace("AVX512F", "AVX-512F")).toList());
        return found.isEmpty() ? "neither AVX2 nor AVX-512F" : found;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
