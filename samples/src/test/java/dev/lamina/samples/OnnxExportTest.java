package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lamina.dsl.BatchNormalizationSpec;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.FashionMnist;
import dev.lamina.runtime.data.Mnist;
import dev.lamina.runtime.onnx.OnnxExport;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.FitOptions;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * exportOnnx, checked by running the exported model in ONNX Runtime: for every sample network and a
 * small model of every layer kind, its outputs on the same inputs are predict's, within 1e-5 (relative
 * where values exceed 1). Models with BatchNormalization are trained a few steps first, so that their
 * moving statistics are not the initial zeros and ones; Normalization layers are adapted.
 */
class OnnxExportTest {
    private static final int SAMPLES = 32;
    private static final double TOLERANCE = 1e-5;

    private static OrtEnvironment environment;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRuntime() {
        environment = OrtEnvironment.getEnvironment();
    }

    @AfterAll
    static void stopRuntime() {
        environment.close();
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void everySampleNetworkComputesWhatPredictDoes(Sample sample) throws Exception {
        AbstractNetwork network = prepared(sample.network.apply(7));
        INDArray features = switch (sample.data) {
            // The real test images, where they are cheap to read.
            case MNIST -> firstImages(Mnist.test());
            case FASHION_MNIST -> firstImages(FashionMnist.test());
            default -> randomFeatures(network, 11);
        };
        assertSameOutputs(network, features);
    }

    /** The tiny models: merges, SAME padding, average pools, every activation, logits, random layers... */
    static Stream<Arguments> tinyNetworks() {
        Map<String, Supplier<AbstractNetwork>> networks = new java.util.LinkedHashMap<>();
        networks.put("Probabilities", () -> new TinyModels_ProbabilitiesNetwork(1, DataType.FLOAT));
        networks.put("Logits", () -> new TinyModels_LogitsNetwork(2, DataType.FLOAT));
        networks.put("Convolutions", () -> new TinyModels_ConvolutionsNetwork(3, DataType.FLOAT));
        networks.put("GlobalPools", () -> new TinyModels_GlobalPoolsNetwork(4, DataType.FLOAT));
        networks.put("ActivationLayers", () -> new TinyModels_ActivationLayersNetwork(5, DataType.FLOAT));
        networks.put("Branches", () -> new TinyModels_BranchesNetwork(6, DataType.FLOAT));
        networks.put("Normalized", () -> new TinyModels_NormalizedNetwork(7, DataType.FLOAT));
        networks.put("Regularized", () -> new TinyModels_RegularizedNetwork(8, DataType.FLOAT));
        networks.put("Rescaled", () -> new TinyModels_RescaledNetwork(9, DataType.FLOAT));
        networks.put("Augmented", () -> new TinyModels_AugmentedNetwork(10, DataType.FLOAT));
        networks.put("Standardized", () -> new TaskModels_StandardizedNetwork(11, DataType.FLOAT));
        networks.put("StandardizedImages", () -> new TaskModels_StandardizedImagesNetwork(12, DataType.FLOAT));
        networks.put("BinaryLogits", () -> new TaskModels_BinaryLogitsNetwork(13, DataType.FLOAT));
        networks.put("Regression", () -> new TaskModels_RegressionNetwork(14, DataType.FLOAT));
        networks.put("Labels", () -> new TaskModels_LabelsNetwork(15, DataType.FLOAT));
        return networks.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tinyNetworks")
    void everyLayerKindComputesWhatPredictDoes(String name, Supplier<AbstractNetwork> model) throws Exception {
        AbstractNetwork network = prepared(model.get());
        assertSameOutputs(network, randomFeatures(network, 21));
    }

    /** A float64 network exports float32 weights: the same outputs, within the same tolerance. */
    @Test
    void aFloat64NetworkExportsAsFloat32() throws Exception {
        AbstractNetwork network = prepared(new TinyModels_BranchesNetwork(6, DataType.DOUBLE));
        INDArray features = randomFeatures(network, 21);
        Path file = dir.resolve("double.onnx");
        network.exportOnnx(file);
        assertEquals(onnx.Onnx.TensorProto.DataType.FLOAT.getNumber(),
                ModelProto.parseFrom(Files.readAllBytes(file)).getGraph().getInitializer(0).getDataType());
        assertClose(network.predict(features.castTo(DataType.DOUBLE)), run(file, features), "Branches in float64");
    }

    /**
     * Every layer kind has an exact ONNX equivalent, so nothing is refused: the graph is checked
     * instead, op by op (the layout transposes around Conv and MaxPool left out).
     */
    @Test
    void theMnistConvnetBecomesConvolutionsPoolsAndASoftmax() throws Exception {
        Path file = dir.resolve("mnist-cnn.onnx");
        MnistCnnNetwork.create(1).exportOnnx(file);
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
        List<String> ops = model.getGraph().getNodeList().stream().map(NodeProto::getOpType)
                .filter(op -> !op.equals("Transpose")).toList();
        assertEquals(List.of("Reshape", "Conv", "Relu", "MaxPool", "Conv", "Relu", "MaxPool", "Conv", "Relu",
                "Reshape", "MatMul", "Add", "Relu", "MatMul", "Add", "Softmax", "Identity"), ops);
        assertEquals(OnnxExport.OPSET, model.getOpsetImport(0).getVersion());
        assertEquals(OnnxExport.IR_VERSION, model.getIrVersion());
        assertEquals("input", model.getGraph().getInput(0).getName());
        assertEquals("output", model.getGraph().getOutput(0).getName());
        assertEquals(OnnxExport.BATCH,
                model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
    }

    /** Dropout and the random image layers are identities in inference: they add no node. */
    @Test
    void randomLayersAndDropoutExportAsNothing() throws Exception {
        Path augmented = dir.resolve("augmented.onnx");
        Path plain = dir.resolve("plain.onnx");
        new TinyModels_AugmentedNetwork(1, DataType.FLOAT).exportOnnx(augmented);
        new TinyModels_UnaugmentedNetwork(1, DataType.FLOAT).exportOnnx(plain);
        assertEquals(opTypes(plain), opTypes(augmented));
    }

    /** A second export replaces the first whole, through a temporary file that does not stay behind. */
    @Test
    void anExportReplacesThePreviousFileAndLeavesNothingElse() throws Exception {
        Path file = dir.resolve("model.onnx");
        AbstractNetwork first = new TinyModels_LogitsNetwork(1, DataType.FLOAT);
        AbstractNetwork second = new TinyModels_LogitsNetwork(2, DataType.FLOAT);
        first.exportOnnx(file);
        byte[] before = Files.readAllBytes(file);
        second.exportOnnx(file);
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the second network's weights are written");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        INDArray features = randomFeatures(second, 3);
        assertClose(second.predict(features), run(file, features), "second");
    }

    private List<String> opTypes(Path file) throws IOException {
        return ModelProto.parseFrom(Files.readAllBytes(file)).getGraph().getNodeList().stream()
                .map(NodeProto::getOpType).toList();
    }

    /** Adapted if it has Normalization; a few training steps if it has BatchNormalization. */
    private static AbstractNetwork prepared(AbstractNetwork network) {
        if (network.needsAdapting()) {
            network.adapt(Dataset.of("random", randomFeatures(network, 5).muli(3).addi(2), new int[SAMPLES], 2));
        }
        boolean batchNormalized = network.layers().stream().anyMatch(l -> l.spec() instanceof BatchNormalizationSpec);
        if (batchNormalized) {
            int classes = Math.max(network.classes(), 2);
            int[] labels = new Random(3).ints(SAMPLES, 0, classes).toArray();
            network.fit(Dataset.of("random", randomFeatures(network, 6), labels, classes),
                    FitOptions.epochs(2).batchSize(SAMPLES / 2).verbose(0).seed(1));
        }
        return network;
    }

    private static INDArray randomFeatures(AbstractNetwork network, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, network.inputShape().withBatch(SAMPLES)).muli(2).subi(0.5);
    }

    private static INDArray firstImages(Dataset data) {
        INDArray features = data.features();
        return features.get(NDArrayIndex.interval(0, SAMPLES)).castTo(DataType.FLOAT).dup();
    }

    private void assertSameOutputs(AbstractNetwork network, INDArray features) throws Exception {
        Path file = dir.resolve(network.modelName() + ".onnx");
        network.exportOnnx(file);
        assertClose(network.predict(features), run(file, features), network.modelName());
    }

    /** The exported model's output for {@code features}, in ONNX Runtime. */
    private static float[][] run(Path file, INDArray features) throws OrtException {
        try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(environment,
                     FloatBuffer.wrap(features.castTo(DataType.FLOAT).dup('c').data().asFloat()), features.shape());
             OrtSession.Result result = session.run(Map.of("input", input))) {
            return (float[][]) result.get("output").orElseThrow().getValue();
        }
    }

    private static void assertClose(INDArray expected, float[][] actual, String what) {
        assertEquals(expected.size(0), actual.length, what + ": samples");
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected.size(1), actual[i].length, what + ": units");
            for (int j = 0; j < actual[i].length; j++) {
                double e = expected.getDouble(i, j);
                worst = Math.max(worst, Math.abs(e - actual[i][j]) / Math.max(1, Math.abs(e)));
            }
        }
        assertTrue(worst <= TOLERANCE, what + ": largest difference " + worst + " from predict");
    }
}
