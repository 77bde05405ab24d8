package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.ModelProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped broken sample fails to compile with the missing-reshape error on conv1's line. */
class BrokenSampleTest {

    @Test
    void theCnnWithoutItsReshapeFailsOnConv1(@TempDir Path output) throws Exception {
        List<Diagnostic<? extends JavaFileObject>> errors = errors("MnistCnnWithoutReshape", output);
        assertEquals(1, errors.size(), errors.toString());
        assertError(errors.get(0), "MnistCnnWithoutReshape", "Layer conv1;", "conv1: Conv2D needs input (height, width,"
                + " channels) but receives (28, 28). Add @Reshape({28, 28, 1}) before conv1");
        assertFalse(Files.exists(output.resolve("dev/lamina/samples/MnistCnnWithoutReshapeNetwork.java")),
                "no network is generated for a model with an error");
    }

    /** README shows these two errors of the broken toy ResNet, as javac prints them. */
    @Test
    void theBrokenToyResNetFailsOnItsMismatchedAddAndItsMisspeltName(@TempDir Path output) throws Exception {
        List<Diagnostic<? extends JavaFileObject>> errors = errors("ToyResNetBroken", output);
        assertEquals(2, errors.size(), errors.toString());
        assertError(errors.get(0), "ToyResNetBroken", "Layer block2;", "block2: Add sums outputs of one shape, but conv4"
                + " outputs (8, 8, 32) and block1 outputs (8, 8, 64). Project block1 to (8, 8, 32): declare @Conv2D(filters"
                + " = 32, kernel = {1, 1}, from = \"block1\") Layer block1Projection; before this layer and list"
                + " block1Projection instead of \"block1\".\n    Shapes: input (28, 28) -> image (28, 28, 1) -> conv1 (26, 26,"
                + " 32) -> conv2 (24, 24, 64) -> block1 (8, 8, 64) -> conv3 (8, 8, 64) -> conv4 (8, 8, 32) -> block2\n"
                + "            input (28, 28) -> image (28, 28, 1) -> conv1 (26, 26, 32) -> conv2 (24, 24, 64) -> block1 (8, 8,"
                + " 64) -> block2");
        assertError(errors.get(1), "ToyResNetBroken", "Layer block3;",
                "block3: \"blok2\" names no layer of the model. Did you mean \"block2\"?");
        // Each on the name at fault in the list, where README's carets point.
        assertColumnOf(errors.get(0), "ToyResNetBroken", "\"block1\"");
        assertColumnOf(errors.get(1), "ToyResNetBroken", "\"blok2\"");
    }

    /** The errors of compiling the broken sample {@code name} with Lamina's processor. */
    private static List<Diagnostic<? extends JavaFileObject>> errors(String name, Path output) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-d", output.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:only"),
                    null, files.getJavaFileObjects(source(name).toFile()));
            task.setProcessors(List.of(new ModelProcessor()));
            assertFalse(task.call(), "the broken sample must not compile");
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    private static Path source(String name) {
        return Path.of("src/broken/java/dev/lamina/samples/" + name + ".java");
    }

    /** {@code error} points at where {@code value} starts on its line. */
    private static void assertColumnOf(Diagnostic<? extends JavaFileObject> error, String name, String value)
            throws Exception {
        String line = Files.readAllLines(source(name)).get((int) error.getLineNumber() - 1);
        assertEquals(line.indexOf(value) + 1, error.getColumnNumber(), line);
    }

    /** {@code error} starts with {@code message} and is on the line of {@code name} holding {@code field}. */
    private static void assertError(Diagnostic<? extends JavaFileObject> error, String name, String field, String message)
            throws Exception {
        assertTrue(error.getMessage(Locale.ROOT).startsWith(message), error.getMessage(Locale.ROOT));
        List<String> lines = Files.readAllLines(source(name));
        assertTrue(lines.get((int) error.getLineNumber() - 1).contains(field), "line " + error.getLineNumber());
    }
}
