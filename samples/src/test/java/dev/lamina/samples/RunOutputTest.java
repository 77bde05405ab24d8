package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One real run of the samples command (the MLP, one epoch on the MNIST files that MnistMlpTrainingTest
 * also reads): the folder it says it wrote to is where the files are, however --output was spelled.
 */
class RunOutputTest {
    private static final String PREFIX = "Wrote history.csv, history.png, predictions.png and model.lamina to ";

    @Test
    void thePrintedFolderIsAbsoluteNormalizedAndHoldsTheFiles() {
        // Relative and roundabout, as a user may type it; surefire runs in the samples module.
        String typed = "target/run-output-test/elsewhere/../mnist-mlp";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(new String[] {"mnist-mlp", "--epochs", "1", "--output", typed},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exitCode, printed + err.toString(StandardCharsets.UTF_8));

        List<String> wrote = printed.lines().filter(line -> line.startsWith(PREFIX)).toList();
        assertEquals(1, wrote.size(), printed);
        Path folder = Path.of(wrote.get(0).substring(PREFIX.length()));
        assertTrue(folder.isAbsolute(), folder.toString());
        assertEquals(folder.normalize(), folder);
        assertEquals(Path.of(typed).toAbsolutePath().normalize(), folder);
        for (String file : List.of("history.csv", "history.png", "predictions.png", "model.lamina")) {
            assertTrue(Files.isRegularFile(folder.resolve(file)), folder.resolve(file) + " exists");
        }
    }
}
