package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.ModelSource.mnist;
import static dev.lamina.processor.ModelSource.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** The compile-time checks of convolution, pooling and dropout layers, by message and line. */
class ConvolutionChecksTest {

    @Test
    void theMnistCnnAndItsNetworkCompile() throws Exception {
        ModelSource cnn = model("Cnn", mnist("optimizer = @Optimizer(kind = Optimizer.Kind.ADAM)"),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU) Layer conv1;",
                "    @MaxPool2D({2, 2}) Layer pool1;",
                "    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU) Layer conv2;",
                "    @MaxPool2D({2, 2}) Layer pool2;",
                "    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU) Layer conv3;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 64, activation = RELU) Layer fc;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = cnn.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.CnnNetwork").orElseThrow().getCharContent(true).toString();
        // Keras' summary for this model: 320, 18,496, 36,928, 36,928 and 650 parameters; 93,322 in all.
        assertTrue(code.contains(" conv1 (Conv2D)              (None, 26, 26, 32)        320"), code);
        assertTrue(code.contains(" pool2 (MaxPool2D)           (None, 5, 5, 64)          0"), code);
        assertTrue(code.contains(" conv3 (Conv2D)              (None, 3, 3, 64)          36928"), code);
        assertTrue(code.contains(" flat (Flatten)              (None, 576)               0"), code);
        assertTrue(code.contains("Total params: 93,322"), code);
        assertTrue(code.contains("conv1Kernel = trainable(\"conv1/kernel\", Initializer.GLOROT_UNIFORM, 3, 3, 1, 32);"), code);
        // conv1's relu runs after pool1, on the pooled array, forward and backward.
        assertTrue(code.contains("conv1Convolution.forward(image.value(), conv1Kernel.value(), conv1Bias.value(),"
                + " Activation.LINEAR, conv1.value());\n"
                + "\n        // pool1: MaxPool2D(2x2, strides 2x2), (batch, 13, 13, 32)\n"
                + "        // Then conv1's relu.\n"
                + "        pool1Pooling.forward(conv1.value(), pool1.value(), training);\n"
                + "        Activations.forward(Activation.RELU, pool1.value());"), code);
        assertTrue(code.contains("Activations.backward(Activation.RELU, pool1.value(), pool1.gradient());\n"
                + "        pool1Pooling.backward(conv1.value(), pool1.gradient(), conv1.gradient());"), code);
        // A pool keeps, in a runtime object of its own, what its backward pass needs from its forward pass.
        assertTrue(code.contains("pool1Pooling = new Pooling2D(Pooling.MAX, POOL1_WINDOW, Shape.of(26, 26, 32), Shape.of(13, 13, 32));"),
                code);
        // conv3 feeds no pool: its relu stays.
        assertTrue(code.contains("conv3Convolution.forward(pool2.value(), conv3Kernel.value(), conv3Bias.value(),"
                + " Activation.RELU, conv3.value());"), code);
        // Every convolution is one call shape; the runtime's Convolution2D picks its route from the
        // shapes it is given and whether its input needs a gradient (only the first's does not).
        assertTrue(code.contains("conv1Convolution = new Convolution2D(dataType(), CONV1_WINDOW, Shape.of(28, 28, 1), Shape.of(26, 26, 32),"
                + " false);"), code);
        assertTrue(code.contains("conv3Convolution = new Convolution2D(dataType(), CONV3_WINDOW, Shape.of(5, 5, 64), Shape.of(3, 3, 64),"
                + " true);"), code);
        assertTrue(code.contains("conv1Convolution.backward(image.value(), conv1Kernel.value(), conv1Bias.value(),"
                + " conv1.gradient(), conv1Kernel.gradient(), conv1Bias.gradient(), null);"), code);
        assertTrue(code.contains("conv2Convolution.backward(pool1.value(), conv2Kernel.value(), conv2Bias.value(),"
                + " conv2.gradient(), conv2Kernel.gradient(), conv2Bias.gradient(), pool1.gradient());"), code);
    }

    @Test
    void paddingStridesAveragePoolingAndDropoutCompile() {
        ModelSource source = model("Varied", mnist("optimizer = @Optimizer(kind = Optimizer.Kind.ADAM)"),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Dropout(0.1) Layer noisy;",
                "    @Conv2D(filters = 8, kernel = {5}, strides = {2}, padding = Padding.SAME, useBias = false) Layer conv1;",
                "    @AveragePool2D(value = {3, 3}, strides = {1, 1}, padding = Padding.SAME) Layer pool1;",
                "    @Conv2D(filters = 4, kernel = {3, 2}, strides = {2, 1}, activation = TANH) Layer conv2;",
                "    @Dropout(0.5) Layer drop;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void conv2dFedImagesWithoutChannelsAsksForAReshape() {
        ModelSource source = model("NoReshape", mnist(""),
                "    @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU) Layer conv1;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "conv1: Conv2D needs input (height, width, channels) but receives (28, 28). "
                + "Add @Reshape({28, 28, 1}) before conv1 to give the images one channel.", "Layer conv1;");
        assertThat(compilation).hadErrorContaining("Shapes: input (28, 28) -> conv1");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void poolingFedAFlatSquareInputProposesTheSquareImage() {
        ModelSource source = model("Flat", "input = {784}, classes = 10, loss = Loss.CATEGORICAL_CROSSENTROPY",
                "    @MaxPool2D({2, 2}) Layer pool;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "pool: MaxPool2D needs input (height, width, channels) but receives (784). "
                + "Add @Reshape({28, 28, 1}) before pool", "Layer pool;");
    }

    @Test
    void aKernelLargerThanItsInputIsAnError() {
        ModelSource source = model("BigKernel", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 8, kernel = {5, 5}) Layer conv1;",
                "    @MaxPool2D({8, 8}) Layer pool1;",
                "    @Conv2D(filters = 8, kernel = {5, 5}) Layer conv2;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "conv2: Conv2D's kernel 5x5 is larger than its input's 3x3 (3, 3, 8) "
                + "with padding = Padding.VALID. Use a smaller kernel, padding = Padding.SAME,", "Layer conv2;");
        assertThat(compilation).hadErrorContaining(
                "Shapes: input (28, 28) -> image (28, 28, 1) -> conv1 (24, 24, 8) -> pool1 (3, 3, 8) -> conv2");
    }

    @Test
    void aPoolWindowLargerThanItsInputIsAnError() {
        ModelSource source = model("BigPool", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @MaxPool2D({30, 2}) Layer pool;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "pool: MaxPool2D's pool window 30x2 is larger than its input's 28x28", "Layer pool;");
    }

    @Test
    void nonPositiveSizesAndStridesAreErrorsOnTheirValues() {
        ModelSource source = model("BadSizes", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 0,",
                "            kernel = {3, 3}) Layer conv1;",
                "    @Conv2D(filters = 4, kernel = {3, -3}) Layer conv2;",
                "    @Conv2D(filters = 4, kernel = {3, 3},",
                "            strides = {0, 1}) Layer conv3;",
                "    @MaxPool2D(value = {2, 2, 2}) Layer pool;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "conv1: Conv2D needs a positive number of filters but has filters = 0.", "filters = 0");
        source.assertErrorOnLine(compilation, "conv2: Conv2D needs a positive kernel size but has (3, -3).", "Layer conv2;");
        source.assertErrorOnLine(compilation, "conv3: Conv2D needs positive strides but has (0, 1).", "strides = {0, 1}");
        source.assertErrorOnLine(compilation, "pool: MaxPool2D needs the pool size as {height, width} or one number",
                "Layer pool;");
        assertEquals(4, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void denseAfterAConvolutionAsksForFlatten() {
        ModelSource source = model("NoFlatten", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU) Layer conv1;",
                "    @MaxPool2D({2, 2}) Layer pool1;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "out: Dense needs a flat input (features) but receives (13, 13, 32). "
                + "Add @Flatten before out to make it (5408).", "Layer out;");
    }

    @Test
    void aDropoutRateOutsideZeroToOneIsAnError() {
        ModelSource source = model("BadDropout", mnist(""),
                "    @Flatten Layer flat;",
                "    @Dropout(1.0) Layer drop;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "drop: Dropout needs a rate in [0, 1) but has 1.0.", "Layer drop;");
    }

    @Test
    void sameImagesShrinkOnlyByTheirStrides() throws Exception {
        // SAME padding: output = ceil(input / stride), as Keras: 28 -> 14 -> 7 -> 4.
        ModelSource source = model("Same", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 4, kernel = {3, 3}, strides = {2, 2}, padding = Padding.SAME) Layer a;",
                "    @MaxPool2D(value = {3, 3}, strides = {2, 2}, padding = Padding.SAME) Layer b;",
                "    @AveragePool2D(value = {2, 2}, padding = Padding.SAME) Layer c;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeeded();
        String code = compilation.generatedSourceFile("test.SameNetwork").orElseThrow().getCharContent(true).toString();
        assertTrue(code.contains(" a (Conv2D)                  (None, 14, 14, 4)"), code);
        assertTrue(code.contains(" b (MaxPool2D)               (None, 7, 7, 4)"), code);
        assertTrue(code.contains(" c (AveragePool2D)           (None, 4, 4, 4)"), code);
    }
}
