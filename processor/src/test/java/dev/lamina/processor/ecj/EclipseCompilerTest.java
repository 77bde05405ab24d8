package dev.lamina.processor.ecj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.ModelProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Eclipse runs annotation processors inside its own compiler (ECJ), IntelliJ inside javac: the
 * same model must get the same diagnostics, on the same lines, from both.
 */
class EclipseCompilerTest {
    private static final String HEADER = "package test;\n\nimport dev.lamina.dsl.*;\n\n"
            + "@Model(input = {28, 28}, classes = 10, loss = Loss.CATEGORICAL_CROSSENTROPY%s)\npublic class M {\n";

    private static String model(String modelExtra, String... fields) {
        return String.format(HEADER, modelExtra) + java.util.Arrays.stream(fields).map(f -> "    " + f + "\n")
                .collect(Collectors.joining()) + "}\n";
    }

    private static final String[] MODELS = {
        model("", "@Reshape({28, 28, 1}) Layer image;", "@Conv2D(filters = 4, kernel = {3, 3}, activation = Activation.RELU) Layer conv;",
                "@MaxPool2D({2, 2}) Layer pool;", "@Flatten Layer flat;", "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        model("", "@Dense(units = 32, activation = Activation.RELU) Layer hidden;", "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        model("", "@Conv2D(filters = 4, kernel = {3, 3}) Layer conv;", "@Flatten Layer flat;",
                "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        model("", "@Flatten Layer flat;", "@Dense(units = 9,", "       activation = Activation.SOFTMAX) Layer out;"),
        model("", "@Reshape({30, 30}) Layer image;", "@Flatten Layer flat;", "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        model(", fromLogits = true", "@Flatten Layer flat;", "@Dense(units = 10,", "       activation = Activation.SOFTMAX) Layer out;"),
        model("", "int notALayer;"),
        model("", "@Flatten Layer flat;", "Layer forgotten;", "@Dense(units = -1, activation = Activation.SOFTMAX) Layer out;"),
        model("", "@Flatten Layer flat;", "@Dense(units = 10) Layer out;"),
        model("", "@Flatten Layer flat;", "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;")
                .replace("public class M {", "public class M extends Base {") + "class Base {\n    @Dropout(0.5) Layer drop;\n}\n",
        model("", "@Reshape({28, 28, 1}) Layer image;", "@Conv2D(filters = 4, kernel = {3, 3}) Layer conv;",
                "@Flatten Layer flat;", "@GlobalMaxPooling2D Layer pooled;", "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        model(", fromLogits = true", "@Flatten Layer flat;", "@Dense(units = 10) Layer logits;",
                "@ActivationLayer(", "       Activation.SOFTMAX) Layer out;"),
        // Branches: an unknown name, a later one, a merge of shapes that differ, an unused branch, a Multiply
        // of shapes that differ; then the Concatenate and BatchNormalization errors below.
        model("", "@Flatten Layer flat;", "@Dense(units = 8, from = \"flta\") Layer hidden;",
                "@Add({\"hidden\", \"later\"}) Layer sum;", "@Dense(units = 8) Layer later;",
                "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        model("", "@Flatten Layer flat;", "@Dense(units = 8) Layer a;", "@Dense(units = 9, from = \"flat\") Layer b;",
                "@Add({\"a\", \"b\"}) Layer sum;", "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        model("", "@Flatten Layer flat;", "@Dense(units = 8) Layer unused;",
                "@Dense(units = 10, activation = Activation.SOFTMAX, from = \"flat\") Layer out;"),
        model("", "@Flatten Layer flat;", "@Dense(units = 8) Layer a;", "@Dense(units = 9, from = \"flat\") Layer b;",
                "@Multiply({\"a\", \"b\"}) Layer product;",
                "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        // A Concatenate whose other axes differ; a BatchNormalization on an axis other than the last.
        model("", "@Reshape({28, 28, 1}) Layer image;", "@Conv2D(filters = 4, kernel = {3, 3}) Layer conv;",
                "@Concatenate({\"conv\", \"image\"}) Layer joined;", "@Flatten Layer flat;",
                "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        model("", "@Reshape({28, 28, 1}) Layer image;", "@BatchNormalization(axis = 1) Layer norm;",
                "@Flatten Layer flat;", "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        // Tasks: classes and outputs both; a metric for numbers on a classifier; a regression ending in
        // softmax; a Normalization that does not take the model's input.
        model(", outputs = 3", "@Flatten Layer flat;", "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        model(", metrics = {Metric.ACCURACY, Metric.MAE}", "@Flatten Layer flat;",
                "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        model("", "@Flatten Layer flat;", "@Dense(units = 2,", "       activation = Activation.SOFTMAX) Layer out;")
                .replace("classes = 10, loss = Loss.CATEGORICAL_CROSSENTROPY", "outputs = 2, loss = Loss.MEAN_SQUARED_ERROR"),
        model("", "@Flatten Layer flat;", "@Normalization Layer standardized;",
                "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
        // Augmentation: a factor out of range, a scale that is not finite, a flip of no image.
        model("", "@Reshape({28, 28, 1}) Layer image;", "@RandomTranslation(height = 1.5,", "       width = -0.1) Layer shift;",
                "@Rescaling(scale = Double.NaN) Layer scaled;", "@Flatten Layer flat;", "@RandomFlip Layer flip;",
                "@Dense(units = 10, activation = Activation.SOFTMAX) Layer out;"),
    };

    @TempDir
    Path dir;

    /** Every model above, so that one added to the list is compared without editing a list of indices. */
    static IntStream modelIndices() {
        return IntStream.range(0, MODELS.length);
    }

    @ParameterizedTest
    @MethodSource("modelIndices")
    void eclipseAndJavacReportTheSame(int index) throws IOException {
        String source = MODELS[index];
        List<String> fromJavac = compile(ToolProvider.getSystemJavaCompiler(), dir.resolve("javac"), source, "--release", "17");
        List<String> fromEclipse = compile(new EclipseCompiler(), dir.resolve("ecj"), source, "-17");
        assertTrue(!fromJavac.isEmpty() || index == 0, "each broken model has a diagnostic: " + source);
        assertEquals(fromJavac, fromEclipse, source);
    }

    @Test
    void eclipseGeneratesTheNetworkOfAValidModel() throws IOException {
        assertEquals(List.of(), compile(new EclipseCompiler(), dir, MODELS[0], "-17"));
        assertTrue(Files.exists(dir.resolve("generated/test/MNetwork.java")), "the network is generated");
        assertTrue(Files.exists(dir.resolve("classes/test/MNetwork.class")), "and compiled");
    }

    /**
     * Compiles {@code source} as test/M.java from files on disk (ECJ's tool API takes no in-memory
     * sources) and returns the diagnostics on it as "KIND line: message", sorted.
     */
    private static List<String> compile(JavaCompiler compiler, Path root, String source, String... release) throws IOException {
        Path file = root.resolve("src/test/M.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(root.resolve("classes"));
        Path generated = Files.createDirectories(root.resolve("generated"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-s", generated.toString(),
                    "-classpath", System.getProperty("java.class.path"), "-encoding", "UTF-8"));
            options.addAll(List.of(release));
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(file.toFile()));
            task.setProcessors(List.of(new ModelProcessor()));
            task.call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
                .filter(d -> d.getSource() != null && d.getSource().getName().endsWith("M.java"))
                // javac indents the continuation lines of a message, ECJ keeps them: compare the words.
                .map(d -> d.getKind() + " " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).replaceAll("\n\\s+", "\n "))
                .sorted()
                .toList();
    }
}
