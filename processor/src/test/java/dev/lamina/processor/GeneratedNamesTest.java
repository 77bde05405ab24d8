package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.ModelSource.mnist;
import static dev.lamina.processor.ModelSource.model;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * A layer's name is the user's to choose: named like anything the generated class refers to (a type
 * it imports, a parameter, a method it calls, the class itself), the network still compiles, its
 * identifiers for that layer taking a suffix; the layer keeps its name in the summary and checkpoints.
 */
class GeneratedNamesTest {

    @Test
    void layersNamedLikeTheTypesTheNetworkUsesCompile() throws Exception {
        ModelSource source = model("Shadowing", mnist("optimizer = @Optimizer(kind = Optimizer.Kind.SGD),"
                        + " metrics = Metric.ACCURACY"),
                "    @Reshape({28, 28, 1}) Layer Shape;",
                "    @Conv2D(filters = 2, kernel = {3, 3}, activation = RELU) Layer Convolution2D;",
                "    @MaxPool2D({2, 2}) Layer Pooling;",
                "    @AveragePool2D(value = {1, 1}) Layer Window2D;",
                "    @Conv2D(filters = 2, kernel = {3, 3}, activation = RELU) Layer Padding;",
                "    @AveragePool2D(value = {1, 1}) Layer Pooling2D;",
                "    @Dropout(0.25) Layer DropoutKernel;",
                "    @ReLU Layer ActivationKernel;",
                "    @ReLU Layer Activations;",
                "    @Flatten Layer List;",
                "    @Dense(units = 16, activation = RELU) Layer DenseKernel;",
                "    @Dense(units = 16, activation = RELU) Layer Initializer;",
                "    @ReLU Layer LayerOutput;",
                "    @ReLU Layer Parameter;",
                "    @ReLU Layer ModelDefinition;",
                "    @ReLU Layer Loss;",
                "    @ReLU Layer Metric;",
                "    @ReLU Layer Sgd;",
                "    @ReLU Layer CrossEntropy;",
                "    @ReLU Layer Checkpoint;",
                "    @ReLU Layer Path;",
                "    @ReLU Layer IOException;",
                "    @ReLU Layer DataType;",
                "    @ReLU Layer INDArray;",
                "    @ReLU Layer AbstractNetwork;",
                "    @ReLU Layer Override;",
                "    @ReLU Layer Generated;",
                "    @ReLU Layer MODEL;",
                "    @ReLU Layer ShadowingNetwork;",
                "    @ReLU Layer Buffers;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer Activation;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.ShadowingNetwork").orElseThrow().getCharContent(true).toString();
        assertTrue(code.contains("private final LayerOutput ActivationLayer = output(\"Activation\", \"Dense\", 10);"), code);
        assertTrue(code.contains(" Activation (Dense) "), "the summary keeps the layer's name\n" + code);
        // Buffers is no name the network refers to: it keeps it.
        assertTrue(code.contains("DenseKernel.forward(Buffers.value(), ActivationLayerKernel.value(),"), code);
    }

    @Test
    void layersNamedLikeTheParametersAndMethodsOfTheNetworkCompile() throws Exception {
        ModelSource source = model("Locals", mnist("optimizer = @Optimizer(kind = Optimizer.Kind.ADAM)"),
                "    @Reshape({28, 28, 1}) Layer input;",
                "    @Conv2D(filters = 2, kernel = {3, 3}) Layer dataType;",
                "    @Dropout(0.5) Layer training;",
                "    @Dropout(0.5) Layer dropoutRandom;",
                "    @Dropout(0.5) Layer trainingRandom;",
                "    @ReLU Layer seed;",
                "    @ReLU Layer labels;",
                "    @ReLU Layer file;",
                "    @ReLU Layer parameters;",
                "    @ReLU Layer output;",
                "    @ReLU Layer view;",
                "    @ReLU Layer buffer;",
                "    @ReLU Layer trainable;",
                "    @ReLU Layer forward;",
                "    @ReLU Layer summary;",
                "    @Flatten Layer inputView;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer backward;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.LocalsNetwork").orElseThrow().getCharContent(true).toString();
        // What the network inherits is its own too, called or not: no field reads like a method of it.
        assertTrue(code.contains("private final LayerOutput summaryLayer = output(\"summary\", \"ReLU\","), code);
        assertTrue(code.contains("private final LayerOutput trainingLayer = output(\"training\", \"Dropout\","), code);
    }

    @Test
    void aLayerNamedLikeAnotherLayersIdentifierCompiles() {
        // conv's kernel is convKernel, its geometry CONV_WINDOW: a layer of each name takes a suffix instead.
        ModelSource source = model("Derived", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 2, kernel = {3, 3}) Layer conv;",
                "    @ReLU Layer convKernel;",
                "    @MaxPool2D({2, 2}) Layer CONV_WINDOW;",
                "    @Dropout(0.5) Layer convConvolution;",
                "    @Flatten Layer convConvolutionMask;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        assertThat(source.compile()).succeededWithoutWarnings();
    }
}
