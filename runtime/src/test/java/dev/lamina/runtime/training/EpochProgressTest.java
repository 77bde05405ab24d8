package dev.lamina.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The progress bar on terminals of 120, 80 and 40 columns, drawn after every batch of an MNIST-sized
 * epoch: the bar keeps its width, no redrawn line outgrows the terminal, and the epoch's summary
 * shows every log.
 */
class EpochProgressTest {
    private static final Pattern BAR = Pattern.compile("\\[([=>.]*)]");
    private static final int STEPS = 469;

    @ParameterizedTest(name = "{0} columns: a bar of {1}")
    @CsvSource({"120, 30", "80, 30", "40, 29"})
    void theBarKeepsItsWidthAndNoLineOutgrowsTheTerminal(int columns, int barWidth) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        EpochProgress.Bar bar = new EpochProgress.Bar(0, 5, STEPS, out, columns);
        for (int done = 1; done <= STEPS; done++) {
            bar.step(done, logs(2.3 / done, 0.1 + 0.8 * done / STEPS));
            if (done < STEPS) {
                bar.draw(); // the last batch is left to the closing drawing, as in most real epochs
            }
        }
        Map<String, Double> epoch = logs(0.2579, 0.9263);
        epoch.put("val_loss", 0.08);
        epoch.put("val_accuracy", 0.975);
        bar.end(epoch, 6_900_000_000L);
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(printed.startsWith("Epoch 1/5\n"), printed);
        // Each drawing starts with a carriage return; the last is the summary, the others the epoch's progress.
        List<String> drawings = Arrays.asList(printed.substring("Epoch 1/5\n".length()).split("\r"));
        List<String> during = drawings.subList(1, drawings.size() - 1);
        assertTrue(during.size() >= STEPS, "a drawing per batch: " + during.size());
        for (String line : during) {
            assertFalse(line.contains("\n"), line);
            assertTrue(line.length() < columns, line.length() + " columns: " + line);
            Matcher matcher = BAR.matcher(line);
            assertTrue(matcher.find(), line);
            assertEquals(barWidth, matcher.group(1).length(), line);
        }
        String middle = during.stream().filter(line -> line.startsWith("235/469 [")).findFirst().orElseThrow();
        if (columns >= 80) {
            assertTrue(middle.startsWith("235/469 [==============>...............] - ETA: "), middle);
            assertTrue(middle.contains(" - loss: "), middle);
        }
        if (columns >= 120) {
            assertTrue(middle.contains(" - accuracy: "), middle);
        }

        String summary = drawings.get(drawings.size() - 1);
        // Every log, in order: on one line, or continued on indented lines below where it does not fit
        // (the spaces at a line's end blank out the longer drawing it replaces).
        assertEquals("469/469 [" + "=".repeat(barWidth) + "] - 6.9s 15ms/step - loss: 0.2579 - accuracy: 0.9263"
                + " - val_loss: 0.0800 - val_accuracy: 0.9750\n",
                summary.replaceAll(" *\n {8}- ", " - ").replaceAll(" +\n", "\n"), summary);
        summary.lines().forEach(line -> assertTrue(line.length() < columns, line.length() + " columns: " + line));
        assertEquals(1, printed.split("ms/step", -1).length - 1, "one summary");
    }

    @Test
    void theBarFillsAsKerasDoes() {
        assertEquals("..........", ProgressLine.bar(0, 469, 10));
        assertEquals("====>.....", ProgressLine.bar(235, 469, 10));
        assertEquals("==========", ProgressLine.bar(469, 469, 10));
    }

    @Test
    void aTerminalNarrowerThanTheCountsGetsThemCutRatherThanWrapped() {
        assertEquals("235/46", ProgressLine.during(235, 469, 1_000_000_000L, List.of("loss: 0.2579"), 6));
        assertEquals("235/469 [.]", ProgressLine.during(235, 469, 1_000_000_000L, List.of("loss: 0.2579"), 11));
    }

    private static Map<String, Double> logs(double loss, double accuracy) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", loss);
        logs.put("accuracy", accuracy);
        return logs;
    }
}
