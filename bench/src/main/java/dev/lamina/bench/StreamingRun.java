package dev.lamina.bench;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.MappedNpy;
import dev.lamina.runtime.training.Callback;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.samples.MnistMlpNetwork;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains MnistMlp for one epoch on a memory-mapped {@code .npy} of random MNIST-shaped images larger
 * than the heap (docs/streaming.md): writes the file (float32, (samples, 28, 28), as NumPy writes
 * it), maps it with {@link MappedNpy#open} (in gigabyte mappings when it holds more than 2 GB), fits, and prints the heap used, the resident memory (anonymous
 * and file-backed apart: the mapped file's pages count as file-backed) at the start, mid-epoch and end,
 * and the mean step time of the first and last 100 steps. Deletes the file unless told to keep it.
 *
 * <p>Arguments: [file (default /tmp/lamina-streaming.npy)] [size: samples, or gigabytes with a G suffix
 * (default 800000 samples: 2.5 GB; 2.5G is 797,193 samples)] [--keep]. A file already there with at
 * least the samples' bytes is used as it is (its own shape), not written again.
 */
public final class StreamingRun {
    private static final int PIXELS = 28 * 28;
    private static final int BATCH = 128;

    private StreamingRun() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/lamina-streaming.npy");
        int samples = args.length > 1 ? samples(args[1]) : 800_000;
        boolean keep = args.length > 2 && args[2].equals("--keep");
        System.out.printf("heap max %d MB; CPU: %s; ND4J float32 gemm %.0f GFLOP/s%n", Runtime.getRuntime().maxMemory() >> 20,
                CpuInfo.describe(), EpochTimer.gemmRate() / 1e9);
        try {
            if (!Files.exists(file) || Files.size(file) < (long) samples * PIXELS * 4) {
                long start = System.nanoTime();
                write(file, samples);
                System.out.printf("wrote %s: %.2f GB in %.1f s%n", file, Files.size(file) / 1e9, (System.nanoTime() - start) / 1e9);
            }
            MappedNpy features = MappedNpy.open(file);
            int[] labels = new SplittableRandom(1).ints(features.samples(), 0, 10).toArray();
            Dataset data = Dataset.of("random MNIST-shaped images", features, labels, 10);
            System.out.printf("mapped %s: %.2f GB in %d mapping(s), %.1fx the heap%n", data, features.bytes() / 1e9,
                    features.mappings(), features.bytes() / (double) Runtime.getRuntime().maxMemory());
            Watch watch = new Watch((data.size() + BATCH - 1) / BATCH);
            MnistMlpNetwork.create(42).fit(data, FitOptions.epochs(1).batchSize(BATCH).verbose(0).callbacks(watch));
            watch.report();
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A number of samples, or of gigabytes ("2.5G") of MNIST-shaped float32 samples. */
    static int samples(String size) {
        if (size.endsWith("G") || size.endsWith("g")) {
            double bytes = Double.parseDouble(size.substring(0, size.length() - 1)) * 1e9;
            return Math.toIntExact((long) (bytes / (PIXELS * 4)));
        }
        return Integer.parseInt(size);
    }

    /** A float32 (samples, 28, 28) .npy of uniform [0, 1) values, written a megabyte at a time. */
    static void write(Path file, int samples) throws IOException {
        StringBuilder dict = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + samples + ", 28, 28), }");
        while ((10 + dict.length() + 1) % 64 != 0) {
            dict.append(' ');
        }
        dict.append('\n');
        ByteBuffer header = ByteBuffer.allocate(10 + dict.length()).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) dict.length())
                .put(dict.toString().getBytes(StandardCharsets.ISO_8859_1)).flip();
        SplittableRandom random = new SplittableRandom(7);
        ByteBuffer chunk = ByteBuffer.allocateDirect(PIXELS * 4 * 320).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            out.write(header);
            for (long left = (long) samples * PIXELS; left > 0; ) {
                chunk.clear();
                int n = (int) Math.min(left, chunk.capacity() / 4);
                for (int i = 0; i < n; i++) {
                    chunk.putFloat((float) random.nextDouble());
                }
                chunk.flip();
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                left -= n;
            }
        }
    }

    /** Step times and memory readings of one epoch. */
    private static final class Watch implements Callback {
        private final int steps;
        private final long[] ends;
        private long begin;

        Watch(int steps) {
            this.steps = steps;
            this.ends = new long[steps];
        }

        @Override
        public void onEpochBegin(Training training, int epoch) {
            memory("start");
            begin = System.nanoTime();
        }

        @Override
        public void onBatchEnd(Training training, int batch, Map<String, Double> logs) {
            ends[batch] = System.nanoTime();
            if (batch == steps / 2) {
                memory("mid-epoch (step " + (batch + 1) + ")");
            }
        }

        @Override
        public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
            memory("end");
            System.out.printf("loss %.4f, accuracy %.4f (random labels: about 0.1 expected)%n", logs.get("loss"), logs.get("accuracy"));
        }

        void report() {
            int window = Math.min(100, steps / 2);
            double first = (ends[window - 1] - begin) / 1e6 / window;
            double last = (ends[steps - 1] - ends[steps - 1 - window]) / 1e6 / window;
            System.out.printf("%d steps of %d in %.1f s; mean step: first %d steps %.2f ms, last %d steps %.2f ms%n",
                    steps, BATCH, (ends[steps - 1] - begin) / 1e9, window, first, window, last);
        }

        private static void memory(String when) {
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("%-24s heap used %4d MB | %s%n", when + ":", (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                    status("VmRSS") + ", " + status("RssAnon") + ", " + status("RssFile"));
        }
    }

    private static String status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    long kb = Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
                    return key + " " + (kb >> 10) + " MB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return key + " ?";
    }
}
