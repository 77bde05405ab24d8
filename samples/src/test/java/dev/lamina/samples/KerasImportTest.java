package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.runtime.data.DataDirectory;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.Mnist;
import dev.lamina.runtime.data.NpzFile;
import dev.lamina.runtime.keras.KerasFormatException;
import dev.lamina.runtime.keras.KerasMismatchException;
import dev.lamina.runtime.optimizers.Parameter;
import dev.lamina.runtime.training.AbstractNetwork;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Weights of models saved by Keras itself (src/test/resources/keras, ORIGIN.md there) loaded into
 * the generated networks of the same models: MNIST test accuracy as their authors report it,
 * predictions that survive Lamina's checkpoint, and every mismatch or bad file refused by message.
 */
class KerasImportTest {
    @TempDir
    Path temp;

    /**
     * The CNN's repository reports 97.30% on the MNIST test set after its last epoch (model.evaluate
     * in create_model.ipynb). Its Flatten follows two convolutions: equal accuracy shows that Keras'
     * Flatten orders the features as Lamina's (channels-last, row-major), for any other order would
     * scramble the first Dense's inputs.
     */
    @Test
    void theKerasCnnHasItsReportedAccuracyOnTheMnistTestSet() throws Exception {
        Dataset test = pixels0To255(mnistTest());
        KerasModels_PurinatCnnNetwork network = KerasModels_PurinatCnnNetwork.create(1);
        network.loadKerasWeights(resource("purinat33-mnist-cnn.h5"));
        double accuracy = network.evaluate(test).accuracy();
        System.out.printf("Keras CNN (Purinat33/Streamlit-MNIST) in Lamina: test accuracy %.4f, reported 0.9730%n", accuracy);
        assertEquals(0.9730, accuracy, 0.005);
    }

    /**
     * An MLP saved by tf.keras 2.2.4-tf (Kotlin/kotlindl, ORIGIN.md): its softmax outputs for the first
     * 100 test images equal those NumPy computes from the weights h5py reads (make_mlp_reference.py, an
     * HDF5 reader and arithmetic independent of Lamina's), and its accuracy on all 10,000 is NumPy's.
     * The repository's notebook reports 97.51% for a run of the same script, not this file's weights.
     */
    @Test
    void theKerasMlpPredictsAsNumpyDoesFromTheSameFile() throws Exception {
        Dataset test = mnistTest();
        KerasModels_KotlindlMlpNetwork network = KerasModels_KotlindlMlpNetwork.create(1);
        network.loadKerasWeights(resource("kotlindl-mnist-mlp.h5"));
        INDArray expected;
        double expectedAccuracy;
        try (NpzFile reference = NpzFile.open(resource("kotlindl-mnist-mlp-reference.npz"))) {
            expected = reference.array("outputs");
            expectedAccuracy = reference.array("accuracy").getDouble(0);
        }
        INDArray outputs = network.predict(test.slice(0, 100)).castTo(DataType.DOUBLE);
        double largest = Transforms.abs(outputs.sub(expected)).maxNumber().doubleValue();
        double accuracy = network.evaluate(test).accuracy();
        System.out.printf("Keras MLP (Kotlin/kotlindl, Keras 2.2.4-tf) in Lamina: test accuracy %.4f, NumPy's %.4f,"
                + " notebook 0.9751; outputs at most %.2e from NumPy's%n", accuracy, expectedAccuracy, largest);
        assertTrue(largest < 1e-5, "largest difference from NumPy's outputs " + largest);
        assertEquals(expectedAccuracy, accuracy, 1e-9);
        assertEquals(0.9751, accuracy, 0.005);
        Path checkpoint = temp.resolve("mlp.lamina");
        network.save(checkpoint);
        assertEquals(network.predict(test.slice(0, 100)), KerasModels_KotlindlMlpNetwork.load(checkpoint)
                .predict(test.slice(0, 100)));
    }

    @Test
    void predictionsOfImportedWeightsSurviveACheckpoint() throws Exception {
        Dataset test = pixels0To255(mnistTest()).slice(0, 500);
        KerasModels_PurinatCnnNetwork network = KerasModels_PurinatCnnNetwork.create(1);
        network.loadKerasWeights(resource("purinat33-mnist-cnn.h5"));
        INDArray before = network.predict(test);
        Path checkpoint = temp.resolve("cnn.lamina");
        network.save(checkpoint);
        INDArray after = KerasModels_PurinatCnnNetwork.load(checkpoint).predict(test);
        assertEquals(before, after);
    }

    /**
     * A Keras 3 .keras file as Keras wrote it (3.12, Poornima030/Neural-Network-Digit-Classifier): the
     * repository reports no accuracy (app.py trains 2 epochs and prints none), so the bar is 90%; its
     * CNN was trained on pixels scaled to 0-1, as Lamina reads them.
     */
    @Test
    void theKeras3CnnScoresOnTheMnistTestSet() throws Exception {
        Dataset test = mnistTest();
        KerasModels_PoornimaCnnNetwork network = KerasModels_PoornimaCnnNetwork.create(1);
        network.loadKerasWeights(resource("poornima030-mnist-cnn.keras"));
        double accuracy = network.evaluate(test).accuracy();
        System.out.printf("Keras 3 CNN (Poornima030, .keras) in Lamina: test accuracy %.4f, none reported%n", accuracy);
        assertTrue(accuracy > 0.90, "accuracy " + accuracy);
    }

    /** The same repository's mnist_model.h5: Keras 3.12 writing the legacy HDF5 layout. */
    @Test
    void theKeras3LegacyH5CnnScoresOnTheMnistTestSet() throws Exception {
        Dataset test = mnistTest();
        KerasModels_PoornimaCnnNetwork network = KerasModels_PoornimaCnnNetwork.create(1);
        network.loadKerasWeights(resource("poornima030-mnist-cnn.h5"));
        double accuracy = network.evaluate(test).accuracy();
        System.out.printf("Keras 3 CNN (Poornima030, legacy .h5) in Lamina: test accuracy %.4f, none reported%n", accuracy);
        assertTrue(accuracy > 0.90, "accuracy " + accuracy);
    }

    @Test
    void predictionsOfKeras3WeightsSurviveACheckpoint() throws Exception {
        Dataset test = mnistTest().slice(0, 500);
        for (String file : List.of("poornima030-mnist-cnn.keras", "poornima030-mnist-cnn.h5")) {
            KerasModels_PoornimaCnnNetwork network = KerasModels_PoornimaCnnNetwork.create(1);
            network.loadKerasWeights(resource(file));
            INDArray before = network.predict(test);
            Path checkpoint = temp.resolve(file + ".lamina");
            network.save(checkpoint);
            INDArray after = KerasModels_PoornimaCnnNetwork.load(checkpoint).predict(test);
            assertEquals(before, after, file);
        }
    }

    /** Independent of MNIST: the weights land in the parameters as the file holds them. */
    @Test
    void weightsAreCopiedAsTheFileHoldsThem() throws Exception {
        Path file = resource("purinat33-mnist-cnn.h5");
        KerasModels_PurinatCnnNetwork network = KerasModels_PurinatCnnNetwork.create(1);
        network.loadKerasWeights(file);
        try (HdfFile hdf = new HdfFile(file)) {
            float[][][][] kernel = (float[][][][]) hdf.getDatasetByPath("model_weights/conv2d_1/conv2d_1/kernel:0").getData();
            INDArray lamina = parameter(network, "conv2d1/kernel");
            assertEquals(kernel[1][0][5][7], lamina.getFloat(1, 0, 5, 7));
            float[] bias = (float[]) hdf.getDatasetByPath("model_weights/dense_3/dense_3/bias:0").getData();
            assertEquals(bias[9], parameter(network, "out/bias").getFloat(9));
        }
    }

    /**
     * Keras 3.12's two layouts, as real files hold them: in the .keras zip a layer's weights are
     * numbered (layers/conv2d_1/vars/0 the kernel, vars/1 the bias); in Keras 3's legacy .h5 each
     * layer's weight_names are the variables' paths (kernel under model_weights/conv2d_1/sequential/...),
     * not Keras 2's "conv2d_1/kernel:0".
     */
    @Test
    void keras3WeightsAreCopiedAsBothRealFilesHoldThem() throws Exception {
        Path zipped = resource("poornima030-mnist-cnn.keras");
        KerasModels_PoornimaCnnNetwork fromZip = KerasModels_PoornimaCnnNetwork.create(1);
        fromZip.loadKerasWeights(zipped);
        Path weights = temp.resolve("model.weights.h5");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(zipped.toFile())) {
            Files.copy(zip.getInputStream(zip.getEntry("model.weights.h5")), weights);
        }
        try (HdfFile hdf = new HdfFile(weights)) {
            float[][][][] kernel = (float[][][][]) hdf.getDatasetByPath("layers/conv2d_1/vars/0").getData();
            assertEquals(kernel[2][1][30][63], parameter(fromZip, "conv2d1/kernel").getFloat(2, 1, 30, 63));
            float[] bias = (float[]) hdf.getDatasetByPath("layers/dense_1/vars/1").getData();
            assertEquals(bias[9], parameter(fromZip, "out/bias").getFloat(9));
        }

        Path legacy = resource("poornima030-mnist-cnn.h5");
        KerasModels_PoornimaCnnNetwork fromH5 = KerasModels_PoornimaCnnNetwork.create(1);
        fromH5.loadKerasWeights(legacy);
        try (HdfFile hdf = new HdfFile(legacy)) {
            String[] names = (String[]) hdf.getByPath("model_weights/conv2d_1").getAttribute("weight_names").getData();
            System.out.println("Keras 3 legacy weight_names of conv2d_1: " + Arrays.toString(names));
            assertEquals(List.of("sequential/conv2d_1/kernel", "sequential/conv2d_1/bias"), Arrays.asList(names));
            float[][][][] kernel = (float[][][][]) hdf.getDatasetByPath("model_weights/conv2d_1/" + names[0]).getData();
            assertEquals(kernel[2][1][30][63], parameter(fromH5, "conv2d1/kernel").getFloat(2, 1, 30, 63));
        }
    }

    /**
     * The .keras layout, as Keras 3.14 writes it (checked on a real file; see docs/keras-import.md): the
     * same CNN rewritten by this test into a zip of config.json, metadata.json and model.weights.h5
     * holding layers/<name>/vars/0, 1. The weights are the legacy file's, so the predictions must be
     * equal to the last bit.
     */
    @Test
    void theKerasZipLayoutLoadsAsTheLegacyFileDoes() throws Exception {
        Path legacy = resource("purinat33-mnist-cnn.h5");
        Path weights = temp.resolve("model.weights.h5");
        String config;
        try (HdfFile hdf = new HdfFile(legacy); WritableHdfFile out = HdfFile.write(weights)) {
            config = (String) hdf.getAttribute("model_config").getData();
            WritableGroup layers = out.putGroup("layers");
            for (String layer : List.of("conv2d", "conv2d_1", "dense", "dense_1", "dense_2", "dense_3")) {
                WritableGroup vars = layers.putGroup(layer).putGroup("vars");
                vars.putDataset("0", hdf.getDatasetByPath("model_weights/" + layer + "/" + layer + "/kernel:0").getData());
                vars.putDataset("1", hdf.getDatasetByPath("model_weights/" + layer + "/" + layer + "/bias:0").getData());
            }
        }
        Path zipped = temp.resolve("cnn.keras");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipped))) {
            zip.putNextEntry(new ZipEntry("metadata.json"));
            zip.write("{\"keras_version\": \"3.14.1\"}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("config.json"));
            // Keras 3 calls the input's shape batch_shape where Keras 2 said batch_input_shape.
            zip.write(config.replace("batch_input_shape", "batch_shape").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("model.weights.h5"));
            zip.write(Files.readAllBytes(weights));
        }
        INDArray images = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 50, 28, 28).muli(255);
        KerasModels_PurinatCnnNetwork fromH5 = KerasModels_PurinatCnnNetwork.create(1);
        fromH5.loadKerasWeights(legacy);
        KerasModels_PurinatCnnNetwork fromZip = KerasModels_PurinatCnnNetwork.create(2);
        fromZip.loadKerasWeights(zipped);
        assertEquals(fromH5.predict(images), fromZip.predict(images));
    }

    // Mismatched models.

    @Test
    void aKernelOfAnotherShapeIsRefused() throws Exception {
        String message = refusal(KerasModels_WrongKernelNetwork.create(1));
        assertContains(message, "purinat33-mnist-cnn.h5", "'conv2d_1' (Conv2D)", "`conv2d1`", "kernel_size", "(2, 2)",
                "(3, 3)", "kernel = {2, 2}");
    }

    @Test
    void aMissingLayerIsRefused() throws Exception {
        String message = refusal(KerasModels_MissingPoolNetwork.create(1));
        assertContains(message, "purinat33-mnist-cnn.h5", "'max_pooling2d_1' (MaxPooling2D)", "`dense`",
                "a MaxPool2D where Lamina has a Dense");
    }

    @Test
    void aDifferentActivationIsRefused() throws Exception {
        String message = refusal(KerasModels_WrongActivationNetwork.create(1));
        assertContains(message, "'dense' (Dense)", "field `dense`", "activation", "'sigmoid'", "RELU",
                "activation = SIGMOID");
    }

    @Test
    void anExtraLaminaLayerIsRefused() throws Exception {
        String message = refusal(KerasModels_ExtraLayerNetwork.create(1));
        assertContains(message, "'dense_3' (Dense)", "`out`", "activation");
    }

    @Test
    void aRefusedFileLeavesTheWeightsAsTheyWere() throws Exception {
        KerasModels_WrongActivationNetwork network = KerasModels_WrongActivationNetwork.create(1);
        INDArray before = parameter(network, "conv2d/kernel").dup();
        refusal(network);
        assertEquals(before, parameter(network, "conv2d/kernel"));
    }

    // Bad files.

    @Test
    void aTruncatedH5IsAFormatError() throws Exception {
        byte[] whole = Files.readAllBytes(resource("purinat33-mnist-cnn.h5"));
        for (int length : new int[] {whole.length / 2, 4096, 100, 20}) {
            Path truncated = temp.resolve("truncated-" + length + ".h5");
            Files.write(truncated, Arrays.copyOf(whole, length));
            KerasFormatException e = assertThrows(KerasFormatException.class,
                    () -> KerasModels_PurinatCnnNetwork.create(1).loadKerasWeights(truncated));
            assertContains(e.getMessage(), truncated.toString());
            assertTrue(e.getMessage().contains("is truncated: it has " + length + " bytes where its HDF5 header says "
                    + whole.length) || e.getMessage().contains("cannot be read as a Keras model"), e.getMessage());
            System.out.println(e.getMessage());
        }
    }

    @Test
    void aTruncatedKerasZipIsAFormatError() throws Exception {
        Path whole = temp.resolve("whole.keras");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(whole))) {
            zip.putNextEntry(new ZipEntry("config.json"));
            zip.write("{\"class_name\": \"Sequential\", \"config\": {\"layers\": []}}".repeat(50).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("model.weights.h5"));
            zip.write(Files.readAllBytes(resource("purinat33-mnist-cnn.h5")));
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = temp.resolve("truncated.keras");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        KerasFormatException e = assertThrows(KerasFormatException.class,
                () -> KerasModels_PurinatCnnNetwork.create(1).loadKerasWeights(truncated));
        assertContains(e.getMessage(), truncated.toString(), "not a complete zip");
    }

    @Test
    void aTextFileNamedH5IsAFormatError() throws Exception {
        Path text = temp.resolve("model.h5");
        Files.writeString(text, "Not a model, just some text.\n");
        KerasFormatException e = assertThrows(KerasFormatException.class,
                () -> KerasModels_PurinatCnnNetwork.create(1).loadKerasWeights(text));
        assertContains(e.getMessage(), text.toString(), "neither a Keras 3 .keras file (a zip) nor an HDF5 file",
                "4e 6f 74");
    }

    @Test
    void anHdf5FileThatIsNoKerasModelIsAFormatError() throws Exception {
        Path file = temp.resolve("data.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("values", new float[] {1, 2, 3});
        }
        KerasFormatException e = assertThrows(KerasFormatException.class,
                () -> KerasModels_PurinatCnnNetwork.create(1).loadKerasWeights(file));
        assertContains(e.getMessage(), file.toString(), "is an HDF5 file but not a Keras model", "model_config");
    }

    @Test
    void aLayerLaminaLacksIsAFormatError() throws Exception {
        Path file = temp.resolve("lstm.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("model_config", "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\","
                    + " \"layers\": [{\"class_name\": \"LSTM\", \"config\": {\"name\": \"lstm\", \"units\": 32}},"
                    + " {\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 10}}]}}");
            hdf.putGroup("model_weights").putDataset("placeholder", new float[] {0});
        }
        KerasFormatException e = assertThrows(KerasFormatException.class,
                () -> KerasModels_PurinatCnnNetwork.create(1).loadKerasWeights(file));
        assertContains(e.getMessage(), file.toString(), "'lstm' (LSTM)", "a kind of layer Lamina does not have");
    }

    // Helpers.

    private static String refusal(AbstractNetwork network) throws Exception {
        Path file = resource("purinat33-mnist-cnn.h5");
        KerasMismatchException e = assertThrows(KerasMismatchException.class, () -> network.loadKerasWeights(file));
        System.out.println(e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "\"" + part + "\" is not in: " + message);
        }
    }

    private static INDArray parameter(AbstractNetwork network, String name) {
        List<Parameter> found = network.parameters().stream().filter(p -> p.name().equals(name)).toList();
        assertEquals(1, found.size(), name);
        return found.get(0).value();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(KerasImportTest.class.getResource("/keras/" + name).toURI());
    }

    private static Dataset mnistTest() throws IOException {
        assumeTrue(Mnist.hasTest(),
                "MNIST is not in the data directory " + DataDirectory.get() + " (scripts/fetch-data.sh puts it there)");
        return Mnist.test();
    }

    /** Lamina reads pixels as 0-1; the Keras CNN was trained on Keras' raw 0-255 ones. */
    private static Dataset pixels0To255(Dataset test) {
        return Dataset.of(test.name(), test.features().mul(255), test.labels(), test.classes());
    }
}
