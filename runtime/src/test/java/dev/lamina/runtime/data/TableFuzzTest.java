package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of a valid CSV file, raw and gzipped, biased towards the characters CSV gives a
 * meaning to: each either loads (and its labels convert or are refused) or is refused with a
 * {@link TableFormatException} naming the file, never a library's exception.
 */
class TableFuzzTest {
    private static final int CASES = 5_000;
    private static final String CSV = "\uFEFF\"sepal length\",width,species\r\n5.1,3.5,setosa\r\n"
            + "4.9,\"3.0\",\"set, osa\"\r\n6.3,-2.5e0,virginica\r\n";
    private static final String[] FAULTS = {"is not a number", "too large for a float", "missing value",
        "no label column", "never closed", "text after the closing quote", "not UTF-8", "compression", "no rows",
        "the row has", "the header names columns", "is empty"};
    private static final char[] MEANINGFUL = {',', '"', '"', '\n', '\r', ' ', '\t', 'x', '1', '.', '-', 'e', '?', '\uFEFF'};

    @Test
    void mutatedFilesLoadOrAreRefusedCleanly(@TempDir Path dir) throws IOException {
        long seed = Long.getLong("lamina.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        byte[] raw = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] gzipped = gzip(raw);
        CsvOptions options = CsvOptions.defaults().label("species");
        Map<String, Integer> outcomes = new TreeMap<>();
        Path file = dir.resolve("mutant.csv");
        for (int i = 0; i < CASES; i++) {
            byte[] mutant = i % 4 == 3 ? mutateBytes(random, gzipped) : mutateText(random, raw);
            Files.write(file, mutant);
            String outcome;
            try {
                Table table = TableReader.read(file, options);
                table.classes();
                outcome = "loaded";
            } catch (TableFormatException e) {
                assertEquals(file, e.file(), "the exception names the file");
                outcome = "refused: " + faultClass(e.getMessage());
            } catch (Throwable e) {
                fail("seed " + seed + ", case " + i + ": " + e + " for " + new String(mutant, StandardCharsets.ISO_8859_1), e);
                return;
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("CSV fuzz, seed " + seed + ", " + CASES + " mutations: " + outcomes);
        assertEquals(CASES, outcomes.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** The kind of fault a message names, to count them. */
    private static String faultClass(String message) {
        for (String fault : FAULTS) {
            if (message.contains(fault)) {
                return fault;
            }
        }
        return message;
    }

    /** Inserts, replaces or deletes characters, mostly ones CSV gives a meaning to, at random places. */
    private static byte[] mutateText(Random random, byte[] original) {
        StringBuilder text = new StringBuilder(new String(original, StandardCharsets.UTF_8));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(text.length() + 1);
            char c = MEANINGFUL[random.nextInt(MEANINGFUL.length)];
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, c);
                case 1 -> {
                    if (at < text.length()) {
                        text.setCharAt(at, c);
                    }
                }
                default -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return random.nextInt(20) == 0 ? mutateBytes(random, bytes) : bytes;
    }

    /** Flips, truncates: for damaged compression and text that is not UTF-8. */
    private static byte[] mutateBytes(Random random, byte[] original) {
        byte[] bytes = original.clone();
        if (random.nextBoolean() && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        } else {
            bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
        }
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
