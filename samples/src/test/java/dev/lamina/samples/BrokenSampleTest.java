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
        Path source = Path.of("src/broken/java/dev/lamina/samples/MnistCnnWithoutReshape.java");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-d", output.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:only"),
                    null, files.getJavaFileObjects(source.toFile()));
            task.setProcessors(List.of(new ModelProcessor()));
            assertFalse(task.call(), "the broken sample must not compile");
        }
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic<? extends JavaFileObject> error = errors.get(0);
        assertTrue(error.getMessage(Locale.ROOT).startsWith("conv1: Conv2D needs input (height, width, channels) but "
                + "receives (28, 28). Add @Reshape({28, 28, 1}) before conv1"), error.getMessage(Locale.ROOT));
        List<String> lines = Files.readAllLines(source);
        assertTrue(lines.get((int) error.getLineNumber() - 1).contains("Layer conv1;"), "line " + error.getLineNumber());
        assertFalse(Files.exists(output.resolve("dev/lamina/samples/MnistCnnWithoutReshapeNetwork.java")),
                "no network is generated for a model with an error");
    }
}
