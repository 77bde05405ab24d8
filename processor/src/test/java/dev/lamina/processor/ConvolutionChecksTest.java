package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.ModelSource.mnist;
import static dev.lamina.processor.ModelSource.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(code.contains("conv1Kernel = Initializers.glorotUniform(random, dataType, 3, 3, 1, 32);"), code);
        // conv1's relu runs after pool1, on the pooled array, forward and backward.
        assertTrue(code.contains("conv1Patches.forward(image, conv1Kernel, conv1Bias, Activation.LINEAR, conv1);\n"
                + "\n        // pool1: MaxPool2D(2x2, strides 2x2), (batch, 13, 13, 32)\n"
                + "        // Then conv1's relu.\n"
                + "        INDArray pool1 = Buffers.rows(pool1Buffer, batch);\n"
                + "        Pool2DKernel.forward(Pooling.MAX, conv1, POOL1_WINDOW, pool1);\n"
                + "        Activations.forward(Activation.RELU, pool1);"), code);
        assertTrue(code.contains("Activations.backward(Activation.RELU, pool1, pool1Gradient);\n"
                + "        Pool2DKernel.backward(Pooling.MAX, conv1, pool1Gradient, POOL1_WINDOW, conv1Gradient);"), code);
        // conv3 feeds no pool: its relu stays.
        assertTrue(code.contains("Conv2DKernel.forward(pool2, conv3Kernel, conv3Bias, CONV3_WINDOW, Activation.RELU, conv3);"), code);
        // The first convolution runs from its input's patches and computes no input gradient; its
        // backward pass reads the patches, not the input.
        assertTrue(code.contains("conv1Patches = new PatchConvolution(dataType, CONV1_WINDOW, 1, 32, capacity, 26, 26);"),
                code);
        assertTrue(code.contains("conv1Patches.backward(conv1Gradient, conv1KernelGradient, conv1BiasGradient);"), code);
        String backward = code.substring(code.indexOf("private void backward("));
        assertFalse(backward.contains("INDArray image ="), backward);
        // conv3's output map, 3x3, is small: its gradients are gemms over patches; conv2's, 11x11, is not.
        assertTrue(code.contains("conv3Patches = new SmallMapGradients(dataType, CONV3_WINDOW, 5, 5, 64, capacity);"), code);
        assertTrue(code.contains("conv3Patches.backward(pool2, conv3Kernel, conv3Bias, conv3Gradient, conv3KernelGradient,"
                + " conv3BiasGradient, pool2Gradient);"), code);
        assertTrue(code.contains("Conv2DKernel.backward(pool1, conv2Kernel, conv2Bias, conv2Gradient, CONV2_WINDOW,"), code);
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
        source.assertErrorOnLine(compilation, "conv2: conv2's kernel 5x5 is larger than its input's 3x3 (3, 3, 8) "
                + "with padding = VALID.", "Layer conv2;");
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
        source.assertErrorOnLine(compilation, "pool: pool's pool window 30x2 is larger than its input's 28x28", "Layer pool;");
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
