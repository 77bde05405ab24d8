package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The samples command's answers to a wrong command line, to --help and to --version; none of them trains. */
class CommandLineTest {

    /** What one run of the command printed, and its exit code. */
    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadNumberNamesTheOptionAndTheValue() {
        Outcome letters = run("mnist-mlp", "--epochs", "x");
        assertEquals(2, letters.exitCode(), letters.err());
        assertTrue(letters.err().startsWith("Invalid value for option '--epochs': 'x' is not an int"), letters.err());
        assertTrue(letters.err().contains("Try 'samples --help' for more information."), letters.err());
        assertEquals("", letters.out(), "nothing trains");

        Outcome zero = run("mnist-mlp", "--batch-size", "0");
        assertEquals(2, zero.exitCode(), zero.err());
        assertTrue(zero.err().startsWith("Invalid value for option '--batch-size': '0' is not positive"), zero.err());

        Outcome seed = run("mnist-mlp", "--seed", "1.5");
        assertEquals(2, seed.exitCode(), seed.err());
        assertTrue(seed.err().startsWith("Invalid value for option '--seed': '1.5'"), seed.err());
    }

    @Test
    void helpListsEveryOptionAndEverySampleWithItsEpochsAndBatchSize() {
        Outcome help = run("--help");
        assertEquals(0, help.exitCode(), help.err());
        List<String> lines = help.out().lines().toList();
        for (String option : List.of("SAMPLE", "--epochs=N", "--batch-size=N", "--seed=N", "--output=DIR", "--help",
                "--version")) {
            // Each option on a line of its own, followed by its description.
            assertTrue(lines.stream().anyMatch(line -> line.matches("\\s+(-\\w, )?" + option + "\\s{2,}\\S.*")),
                    option + " in\n" + help.out());
        }
        assertTrue(help.out().contains("(default: 42)"), "--seed's default in\n" + help.out());
        for (Sample sample : Sample.values()) {
            String row = "  " + sample.id + " +" + sample.epochs + " +" + sample.batchSize + "  \\S.*";
            assertTrue(lines.stream().anyMatch(line -> line.matches(row)), sample.id + " in\n" + help.out());
        }
        assertTrue(lines.stream().allMatch(line -> line.length() <= 80), "80 columns:\n" + help.out());
    }

    @Test
    void anUnknownSampleListsTheKnownOnes() {
        Outcome unknown = run("mnist-mpl", "--epochs", "1");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("no sample 'mnist-mpl'"), unknown.err());
        for (Sample sample : Sample.values()) {
            assertTrue(unknown.err().contains(sample.id), sample.id + " in\n" + unknown.err());
        }
    }

    @Test
    void noSampleOrAnUnknownOptionIsAUsageError() {
        Outcome none = run();
        assertEquals(2, none.exitCode(), none.err());
        assertTrue(none.err().startsWith("Missing required parameter: 'SAMPLE'"), none.err());
        assertTrue(none.err().contains("Usage: samples "), none.err());

        Outcome typo = run("mnist-mlp", "--epoch", "3");
        assertEquals(2, typo.exitCode(), typo.err());
        assertTrue(typo.err().contains("Unknown option"), typo.err());
        assertTrue(typo.err().contains("--epochs"), "the option meant, in\n" + typo.err());
    }

    @Test
    void versionNamesLaminasVersionAndJavas() {
        Outcome version = run("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().matches("(?s)Lamina samples \\d+\\.\\d+\\.\\d+\\S*\nJava .*"), version.out());
    }
}
