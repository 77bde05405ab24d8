package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.processor.ModelProcessor;
import dev.lamina.runtime.data.DataDirectory;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.Mnist;
import dev.lamina.runtime.keras.KerasFormatException;
import dev.lamina.runtime.keras.KerasTranslator;
import dev.lamina.runtime.training.AbstractNetwork;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
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

/**
 * Keras models translated into {@code @Model} classes: the source the translator writes, compiled by
 * javac with Lamina's processor, and its network taking the Keras file's weights.
 */
class KerasTranslationTest {
    @TempDir
    Path temp;

    /**
     * The real CNN saved by Keras 2.10 (samples/src/test/resources/keras/ORIGIN.md) becomes a class
     * whose generated network, with the file's weights, scores the accuracy the CNN's repository
     * reports: the translation is the model, layer for layer.
     */
    @Test
    void theRealCnnTranslatesCompilesAndScoresItsReportedAccuracy() throws Exception {
        Path file = Path.of(KerasTranslationTest.class.getResource("/keras/purinat33-mnist-cnn.h5").toURI());
        String source = KerasTranslator.javaSource(file, "translated.PurinatCnn");
        System.out.println(source);
        assertContains(source, "package translated;",
                "@Model(input = {28, 28, 1}, classes = 10, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,",
                "optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.001, beta1 = 0.9, beta2 = 0.999,"
                        + " epsilon = 1.0E-7),",
                "metrics = Metric.ACCURACY)",
                "@Conv2D(filters = 32, kernel = {3, 3}, activation = Activation.RELU) Layer conv2d;",
                "@MaxPool2D(value = {3, 3})",
                "@Conv2D(filters = 16, kernel = {2, 2}, activation = Activation.RELU) Layer conv2d1;",
                "@Dense(units = 784, activation = Activation.SIGMOID)",
                "@Dense(units = 10, activation = Activation.SOFTMAX)");

        AbstractNetwork network = compileAndCreate(source, "translated.PurinatCnn");
        network.loadKerasWeights(file);
        // Keras trained it on raw 0-255 pixels.
        Dataset raw = mnistTest(255);
        double accuracy = network.evaluate(raw).accuracy();
        System.out.printf(Locale.ROOT, "Translated Keras CNN: test accuracy %.4f, reported 0.9730%n", accuracy);
        assertEquals(0.9730, accuracy, 0.005);
    }

    /**
     * A real Keras 3 .keras file (Keras 3.12, Poornima030's CNN, ORIGIN.md): its config.json and
     * compile_config translate to a class that compiles, takes the zip's weights, and scores what the
     * hand-written PoornimaCnn scores with them (the repository reports no accuracy; see
     * KerasImportTest).
     */
    @Test
    void aRealKeras3FileTranslatesCompilesAndScoresAsTheHandWrittenModel() throws Exception {
        Path file = Path.of(KerasTranslationTest.class.getResource("/keras/poornima030-mnist-cnn.keras").toURI());
        String source = KerasTranslator.javaSource(file, "translated.PoornimaCnn");
        System.out.println(source);
        assertContains(source, "package translated;", "Keras 3.12.0",
                "@Model(input = {28, 28, 1}, classes = 10,",
                "optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.001,",
                "metrics = Metric.ACCURACY)",
                "@Conv2D(filters = 32, kernel = {3, 3}, activation = Activation.RELU) Layer conv2d;",
                "@Conv2D(filters = 64, kernel = {3, 3}, activation = Activation.RELU) Layer conv2d1;",
                "@MaxPool2D(value = {2, 2})",
                "@Flatten",
                "@Dense(units = 128, activation = Activation.RELU)",
                "@Dense(units = 10, activation = Activation.SOFTMAX)");

        // Keras trained it on pixels scaled to 0-1, as Lamina reads them.
        assertScoresAsTheHandWrittenModel(compileAndCreate(source, "translated.PoornimaCnn"),
                KerasModels_PoornimaCnnNetwork.create(1), file, mnistTest(1), "Keras 3 CNN", 0.90);
    }

    /**
     * The real MLP saved by tf.keras 2.2.4-tf (Kotlin/kotlindl, ORIGIN.md), whose Sequential config
     * declares its input on the Flatten (batch_input_shape) rather than an InputLayer: translated,
     * compiled and loaded, it scores what the hand-written KotlindlMlp scores with the same weights.
     */
    @Test
    void theRealMlpTranslatesCompilesAndScoresAsTheHandWrittenModel() throws Exception {
        Path file = Path.of(KerasTranslationTest.class.getResource("/keras/kotlindl-mnist-mlp.h5").toURI());
        String source = KerasTranslator.javaSource(file, "translated.KotlindlMlp");
        System.out.println(source);
        assertContains(source, "package translated;", "Keras 2.2.4-tf",
                "@Model(input = {28, 28}, classes = 10, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,",
                "optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.001,",
                "metrics = Metric.ACCURACY)",
                "@Flatten",
                "@Dense(units = 128, activation = Activation.RELU)",
                "@Dense(units = 10, activation = Activation.SOFTMAX)");

        Dataset images = mnistTest(1);
        Dataset flat = Dataset.of(images.name(), images.features().reshape('c', images.size(), 28, 28), images.labels(), 10);
        assertScoresAsTheHandWrittenModel(compileAndCreate(source, "translated.KotlindlMlp"),
                KerasModels_KotlindlMlpNetwork.create(1), file, flat, "Keras MLP", 0.96);
    }

    /**
     * A functional model (Keras 2's config and training config, written here with jhdf as Keras writes
     * them): a residual add, a layer taking another than the one before it, a metric, a rate; the
     * translation is checked whole and compiles.
     */
    @Test
    void aFunctionalModelBecomesFieldsNamingTheirInputs() throws Exception {
        Path file = temp.resolve("residual.h5");
        String conv = "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"%s\", \"filters\": 4, \"kernel_size\": [3, 3],"
                + " \"strides\": [1, 1], \"padding\": \"same\", \"activation\": \"relu\", \"use_bias\": true},"
                + " \"name\": \"%s\", \"inbound_nodes\": [[[\"%s\", 0, 0, {}]]]}";
        String config = "{\"class_name\": \"Functional\", \"config\": {\"name\": \"model\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 8, 8, 2], \"name\": \"image\"},"
                + " \"name\": \"image\", \"inbound_nodes\": []},"
                + String.format(conv, "conv_a", "conv_a", "image") + ","
                + String.format(conv, "conv_b", "conv_b", "conv_a") + ","
                + "{\"class_name\": \"Add\", \"config\": {\"name\": \"add\"}, \"name\": \"add\","
                + " \"inbound_nodes\": [[[\"conv_b\", 0, 0, {}], [\"conv_a\", 0, 0, {}]]]},"
                + "{\"class_name\": \"GlobalAveragePooling2D\", \"config\": {\"name\": \"pool\"}, \"name\": \"pool\","
                + " \"inbound_nodes\": [[[\"add\", 0, 0, {}]]]},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"side\", \"units\": 3, \"activation\": \"softmax\"},"
                + " \"name\": \"side\", \"inbound_nodes\": [[[\"pool\", 0, 0, {}]]]}]}}";
        String training = "{\"loss\": {\"class_name\": \"CategoricalCrossentropy\", \"config\": {\"from_logits\": false}},"
                + " \"metrics\": [[{\"class_name\": \"MeanMetricWrapper\", \"config\": {\"name\": \"accuracy\"}}]],"
                + " \"optimizer_config\": {\"class_name\": \"RMSprop\", \"config\": {\"learning_rate\": 0.002, \"rho\": 0.8,"
                + " \"momentum\": 0.0, \"epsilon\": 1e-07}}}";
        write(file, config, training);
        String source = KerasTranslator.javaSource(file, "Residual");
        assertEquals("""
                import dev.lamina.dsl.Activation;
                import dev.lamina.dsl.Add;
                import dev.lamina.dsl.Conv2D;
                import dev.lamina.dsl.Dense;
                import dev.lamina.dsl.GlobalAveragePooling2D;
                import dev.lamina.dsl.Layer;
                import dev.lamina.dsl.Loss;
                import dev.lamina.dsl.Metric;
                import dev.lamina.dsl.Model;
                import dev.lamina.dsl.Optimizer;
                import dev.lamina.dsl.Padding;

                /**
                 * Translated by Lamina from the Keras model in residual.h5 (legacy HDF5, Keras unknown).
                 * Its weights: {@code ResidualNetwork.create(0).loadKerasWeights(path)}.
                 */
                @Model(input = {8, 8, 2}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
                       optimizer = @Optimizer(kind = Optimizer.Kind.RMSPROP, learningRate = 0.002, momentum = 0.0, rho = 0.8, epsilon = 1.0E-7),
                       metrics = Metric.ACCURACY)
                public class Residual {
                    @Conv2D(filters = 4, kernel = {3, 3}, padding = Padding.SAME, activation = Activation.RELU) Layer convA;
                    @Conv2D(filters = 4, kernel = {3, 3}, padding = Padding.SAME, activation = Activation.RELU) Layer convB;
                    @Add({"convB", "convA"})                                                                    Layer add;
                    @GlobalAveragePooling2D                                                                     Layer pool;
                    @Dense(units = 3, activation = Activation.SOFTMAX)                                          Layer side;
                }
                """, source);
        AbstractNetwork network = compileAndCreate(source, "Residual");
        assertEquals(List.of("convA", "convB", "add", "pool", "side"),
                network.layers().stream().map(layer -> layer.name()).toList());
    }

    @Test
    void layersAndSettingsLaminaLacksAreAllListed() throws Exception {
        Path file = temp.resolve("unsupported.h5");
        String config = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 10, 10, 1], \"name\": \"in\"}},"
                + "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"dilated\", \"filters\": 2, \"kernel_size\": [3, 3],"
                + " \"dilation_rate\": [2, 2], \"activation\": \"swish\"}},"
                + "{\"class_name\": \"LSTM\", \"config\": {\"name\": \"lstm\", \"units\": 8}},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"out\", \"units\": 2, \"activation\": \"softmax\"}}]}}";
        write(file, config, null);
        KerasFormatException e = assertThrows(KerasFormatException.class,
                () -> KerasTranslator.javaSource(file, "Unsupported"));
        System.out.println(e.getMessage());
        assertContains(e.getMessage(), file.toString(), "cannot be written as a Lamina model",
                "'dilated' (Conv2D): the activation \"swish\"", "'dilated' (Conv2D): dilation_rate [2,2]",
                "'lstm' (LSTM): Lamina has no LSTM layer (it has Dense, Conv2D");
    }

    // Helpers.

    /** MNIST's test images as the Keras models take them, (28, 28, 1), times {@code scale}; skipped without the data. */
    /**
     * The translated network, given the file's weights, scores on {@code images} exactly what the
     * hand-written model of the same layers scores with them on MNIST's test set, above {@code floor}.
     */
    private static void assertScoresAsTheHandWrittenModel(AbstractNetwork translated, AbstractNetwork handWritten,
                                                          Path file, Dataset images, String model, double floor)
            throws IOException {
        translated.loadKerasWeights(file);
        handWritten.loadKerasWeights(file);
        double accuracy = translated.evaluate(images).accuracy();
        double expected = handWritten.evaluate(Mnist.test()).accuracy();
        System.out.printf(Locale.ROOT, "Translated %s: test accuracy %.4f, hand-written model %.4f%n", model, accuracy,
                expected);
        assertEquals(expected, accuracy, 1e-9);
        assertTrue(accuracy > floor, "accuracy " + accuracy);
    }

    private static Dataset mnistTest(double scale) throws IOException {
        assumeTrue(Mnist.hasTest(),
                "MNIST is not in the data directory " + DataDirectory.get() + " (scripts/fetch-data.sh puts it there)");
        Dataset test = Mnist.test();
        return Dataset.of("MNIST test" + (scale == 1 ? "" : ", times " + scale),
                test.features().mul(scale).reshape('c', test.size(), 28, 28, 1), test.labels(), 10);
    }

    private static void write(Path file, String config, String training) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("model_config", config);
            if (training != null) {
                hdf.putAttribute("training_config", training);
            }
            hdf.putGroup("model_weights").putDataset("placeholder", new float[] {0});
        }
    }

    /** Compiles {@code source} with Lamina's processor and makes its network with seed 1. */
    private AbstractNetwork compileAndCreate(String source, String qualifiedName) throws Exception {
        Path sources = temp.resolve("src");
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path file = sources.resolve(qualifiedName.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-d", classes.toString(), "-s", classes.toString(), "-classpath",
                            System.getProperty("java.class.path")), null, files.getJavaFileObjects(file.toFile()));
            task.setProcessors(List.of(new ModelProcessor()));
            boolean compiled = task.call();
            List<Diagnostic<? extends JavaFileObject>> problems = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING).toList();
            assertTrue(compiled && problems.isEmpty(), "the translation compiles cleanly: " + problems);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        Class<?> network = loader.loadClass(qualifiedName + "Network");
        return (AbstractNetwork) network.getMethod("create", long.class).invoke(null, 1L);
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "\"" + part + "\" is not in:\n" + text);
        }
    }
}
