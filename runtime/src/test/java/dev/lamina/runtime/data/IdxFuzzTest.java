package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random byte mutations of a valid IDX file, raw and gzipped: each either loads or is refused with
 * the reader's own exception, never any other exception (and never an OutOfMemoryError).
 */
class IdxFuzzTest {
    private static final int CASES = 10_000;

    @Test
    void mutatedFilesLoadOrAreRefusedCleanly(@TempDir Path dir) throws IOException {
        long seed = Long.getLong("lamina.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        byte[] raw = IdxReaderTest.idx(new int[] {3, 4, 5}, randomBytes(random, 60));
        byte[] gzipped = gzip(raw);
        Map<String, Integer> outcomes = new TreeMap<>();
        Path file = dir.resolve("mutant");
        for (int i = 0; i < CASES; i++) {
            byte[] mutant = mutate(random, i % 2 == 0 ? raw : gzipped);
            Files.write(file, mutant);
            String outcome;
            try {
                IdxReader.read(file);
                outcome = "loaded";
            } catch (IdxFormatException e) {
                assertEquals(file, e.file(), "the exception names the file");
                outcome = "refused: " + faultClass(e.getMessage().substring(file.toString().length() + 2));
            } catch (Throwable e) {
                fail("seed " + seed + ", case " + i + ": " + e + " for bytes " + java.util.Arrays.toString(mutant), e);
                return;
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("IDX fuzz, seed " + seed + ", " + CASES + " mutations: " + outcomes);
        assertEquals(CASES, outcomes.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** The fault's wording up to its first number or parenthesis, to count faults by kind. */
    private static String faultClass(String message) {
        return message.replaceAll("[0-9(].*$", "").replaceAll("0x$", "").trim();
    }

    private static byte[] mutate(Random random, byte[] original) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(4)) {
                case 0 -> { // flip a byte, biased towards the header
                    if (bytes.length > 0) {
                        int at = random.nextBoolean() ? random.nextInt(Math.min(16, bytes.length)) : random.nextInt(bytes.length);
                        bytes[at] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)); // truncate
                case 2 -> { // insert a byte
                    int at = random.nextInt(bytes.length + 1);
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                default -> { // delete a byte
                    if (bytes.length > 0) {
                        int at = random.nextInt(bytes.length);
                        byte[] shorter = new byte[bytes.length - 1];
                        System.arraycopy(bytes, 0, shorter, 0, at);
                        System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                        bytes = shorter;
                    }
                }
            }
        }
        return bytes;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
