package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.ModelSource.mnist;
import static dev.lamina.processor.ModelSource.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class ModelProcessorTest {

    @Test
    void theReferenceMlpAndItsNetworkCompile() throws Exception {
        ModelSource mlp = model("Mlp", mnist("optimizer = @Optimizer(kind = Optimizer.Kind.RMSPROP), metrics = Metric.ACCURACY"),
                "    @Flatten Layer flat;",
                "    @Dense(units = 512, activation = RELU) Layer hidden;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = mlp.compile();
        assertThat(compilation).succeededWithoutWarnings();
        JavaFileObject generated = compilation.generatedSourceFile("test.MlpNetwork").orElseThrow();
        String code = generated.getCharContent(true).toString();
        assertTrue(code.contains("hiddenKernel = trainable(\"hidden/kernel\", Initializer.GLOROT_UNIFORM, 784, 512);"), code);
        assertTrue(code.contains("DenseKernel.forward(flat.value(), hiddenKernel.value(), hiddenBias.value(), Activation.RELU,"
                + " hidden.value(), training);"), code);
        assertTrue(code.contains("CrossEntropy.softmaxGradient(out.value(), labels, weights, out.gradient());"), code);
        // The first layer's input is data: its gradient is never computed.
        assertTrue(code.contains("DenseKernel.backward(flat.value(), hiddenKernel.value(), hidden.gradient(),"
                + " hiddenKernel.gradient(), hiddenBias.gradient(), null);"), code);
        assertTrue(code.contains("parameters -> new RmsProp(parameters, 0.001, 0.9, 0.0, 1.0E-7)"), code);
        assertTrue(code.contains("List.of(Metric.ACCURACY)"), code);
        assertTrue(code.contains(" hidden (Dense)              (None, 512)               401920"), code);
        assertTrue(code.contains("Total params: 407,050"), code);
    }

    @Test
    void aReLULayerCompilesWithItsOwnOutputAndGradient() throws Exception {
        ModelSource source = model("Rectified", mnist("optimizer = @Optimizer(kind = Optimizer.Kind.ADAM)"),
                "    @Flatten Layer flat;",
                "    @Dense(units = 32) Layer hidden;",
                "    @ReLU Layer rectified;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.RectifiedNetwork").orElseThrow().getCharContent(true).toString();
        assertTrue(code.contains(" rectified (ReLU)            (None, 32)                0"), code);
        assertTrue(code.contains("ActivationKernel.forward(Activation.RELU, hidden.value(), rectified.value());"), code);
        assertTrue(code.contains("ActivationKernel.backward(Activation.RELU, rectified.value(), rectified.gradient(),"
                + " hidden.gradient());"), code);
    }

    @Test
    void globalPoolingLayersCompileToTheirKernelAndNeedNoFlatten() throws Exception {
        ModelSource source = model("Pooled", mnist("optimizer = @Optimizer(kind = Optimizer.Kind.ADAM)"),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU) Layer conv;",
                "    @GlobalMaxPooling2D Layer maxima;",
                "    @Reshape({4, 4, 4}) Layer grid;",
                "    @GlobalAveragePooling2D Layer means;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.PooledNetwork").orElseThrow().getCharContent(true).toString();
        // The first column widens to the longest row, means (GlobalAveragePooling2D), and stays aligned.
        assertTrue(code.contains(" maxima (GlobalMaxPooling2D)    (None, 64)                0"), code);
        assertTrue(code.contains(" means (GlobalAveragePooling2D) (None, 4)                 0"), code);
        assertTrue(code.contains("// maxima: GlobalMaxPooling2D, (batch, 64)"), code);
        assertTrue(code.contains("GlobalPool2DKernel.forward(Pooling.MAX, conv.value(), maxima.value());"), code);
        assertTrue(code.contains("GlobalPool2DKernel.forward(Pooling.AVERAGE, grid.value(), means.value());"), code);
        assertTrue(code.contains("GlobalPool2DKernel.backward(Pooling.AVERAGE, grid.value(), means.value(),"
                + " means.gradient(), grid.gradient());"), code);
        assertTrue(code.contains("GlobalPool2DKernel.backward(Pooling.MAX, conv.value(), maxima.value(),"
                + " maxima.gradient(), conv.gradient());"), code);
        // The convolution's ReLU stays on it: only a windowed max pool takes it over.
        assertTrue(code.contains("Activations.backward(Activation.RELU, conv.value(), conv.gradient());"), code);
    }

    @Test
    void globalPoolingAfterFlattenSaysToMoveItBeforeFlatten() {
        ModelSource source = model("PooledTooLate", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 8, kernel = {3, 3}, activation = RELU) Layer conv;",
                "    @Flatten Layer flat;",
                "    @GlobalAveragePooling2D Layer pooled;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        source.assertErrorOnLine(compilation, "pooled: GlobalAveragePooling2D needs input (height, width, channels) but"
                + " receives (5408): it takes the mean of each channel over an image's height and width. Move pooled"
                + " before @Flatten and @Dense, onto the output of a @Conv2D or a pooling layer; its output (channels)"
                + " is flat, so no @Flatten is needed after it.", "Layer pooled;");
        assertThat(compilation).hadErrorContaining("Shapes: input (28, 28) -> image (28, 28, 1) -> conv (26, 26, 8)"
                + " -> flat (5408) -> pooled");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void anActivationLayerReusesTheActivationKernelAndItsSoftmaxTakesTheFusedLossGradient() throws Exception {
        ModelSource source = model("Activated", mnist(""),
                "    @Flatten Layer flat;",
                "    @Dense(units = 64) Layer hidden;",
                "    @ActivationLayer(TANH) Layer squashed;",
                "    @Dense(units = 10) Layer logits;",
                "    @ActivationLayer(Activation.SOFTMAX) Layer probabilities;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.ActivatedNetwork").orElseThrow().getCharContent(true).toString();
        assertTrue(code.contains(" squashed (ActivationLayer)      (None, 64)                0"), code);
        assertTrue(code.contains(" probabilities (ActivationLayer) (None, 10)                0"), code);
        assertTrue(code.contains("// squashed: ActivationLayer(tanh), (batch, 64)"), code);
        assertTrue(code.contains("ActivationKernel.forward(Activation.TANH, hidden.value(), squashed.value());"), code);
        assertTrue(code.contains("ActivationKernel.backward(Activation.TANH, squashed.value(), squashed.gradient(),"
                + " hidden.gradient());"), code);
        assertTrue(code.contains("ActivationKernel.forward(Activation.SOFTMAX, logits.value(), probabilities.value());"), code);
        // As for @Dense(activation = SOFTMAX): the loss's gradient is taken before the softmax, so it
        // passes through, and softmax's own backward is never applied on top of it.
        assertTrue(code.contains("CrossEntropy.softmaxGradient(probabilities.value(), labels, weights, probabilities.gradient());"),
                code);
        assertTrue(code.contains("logits.gradient().assign(probabilities.gradient());"), code);
        assertTrue(!code.contains("ActivationKernel.backward(Activation.SOFTMAX"), code);
    }

    @Test
    void anActivationLayersSoftmaxWithALogitsLossIsAnErrorOnItsValue() {
        ModelSource source = model("TwiceSoftmax", mnist("fromLogits = true"),
                "    @Flatten Layer flat;",
                "    @Dense(units = 10) Layer logits;",
                "    @ActivationLayer(",
                "        SOFTMAX) Layer probabilities;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "probabilities applies softmax but the loss takes logits (fromLogits = true),"
                + " so softmax would be applied twice. Remove it, or set fromLogits = false.", "        SOFTMAX)");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aBatchNormalizationNormalizesWithTheBatchAndMovesItsStatisticsWithTheStep() throws Exception {
        ModelSource source = model("Normalized", mnist("optimizer = @Optimizer(kind = Optimizer.Kind.ADAM)"),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 64, kernel = 3) Layer conv;",
                "    @BatchNormalization Layer norm;",
                "    @ReLU Layer rectified;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.NormalizedNetwork").orElseThrow().getCharContent(true).toString();
        // Keras: BatchNormalization on 64 channels has 256 parameters, 128 of them not trainable.
        assertTrue(code.contains(" norm (BatchNormalization)   (None, 26, 26, 64)        256\n"), code);
        assertTrue(code.contains("Non-trainable params: 128\n"), code);
        assertTrue(code.contains("normGamma = trainable(\"norm/gamma\", Initializer.ONES, 64);"), code);
        assertTrue(code.contains("normBeta = trainable(\"norm/beta\", Initializer.ZEROS, 64);"), code);
        assertTrue(code.contains("normMovingMean = nonTrainable(\"norm/moving_mean\", Initializer.ZEROS, 64);"), code);
        assertTrue(code.contains("normMovingVariance = nonTrainable(\"norm/moving_variance\", Initializer.ONES, 64);"), code);
        assertTrue(code.contains("normBatchStatistics = new BatchStatistics(dataType(), 64);"), code);
        assertTrue(code.contains("// norm: BatchNormalization(momentum 0.99, epsilon 0.001), (batch, 26, 26, 64)\n"), code);
        assertTrue(oneLine(code).contains("BatchNormKernel.forward(conv.value(), normGamma.value(), normBeta.value(),"
                + " normMovingMean.value(), normMovingVariance.value(), 0.001, training, normBatchStatistics, norm.value());"),
                code);
        assertTrue(oneLine(code).contains("BatchNormKernel.backward(conv.value(), normGamma.value(), normBatchStatistics,"
                + " norm.gradient(), normGamma.gradient(), normBeta.gradient(), conv.gradient());"), code);
        assertTrue(oneLine(code).contains("protected void updateStatistics() { // norm: moving = moving * 0.99 + batch * (1 - 0.99)"
                + " BatchNormKernel.updateMovingStatistics(normBatchStatistics, 0.99, normMovingMean.value(),"
                + " normMovingVariance.value()); }"), code);
    }

    @Test
    void aBatchNormalizationWithoutGammaAndBetaIsNotTrainedAndOnlyModelsWithOneUpdateStatistics() throws Exception {
        ModelSource source = model("Standardized", mnist("optimizer = @Optimizer(kind = Optimizer.Kind.SGD)"),
                "    @Flatten Layer flat;",
                "    @BatchNormalization(momentum = 0.9, epsilon = 1e-5, center = false, scale = false) Layer standard;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = oneLine(compilation.generatedSourceFile("test.StandardizedNetwork").orElseThrow()
                .getCharContent(true).toString());
        assertTrue(code.contains(" standard (BatchNormalization) (None, 784)               1568"), code);
        assertTrue(code.contains("Trainable params: 7,850"), code);
        assertTrue(code.contains("// standard: BatchNormalization(momentum 0.9, epsilon 1.0E-5, no beta, no gamma), (batch, 784)"
                + " BatchNormKernel.forward(flat.value(), null, null, standardMovingMean.value(), standardMovingVariance.value(),"
                + " 1.0E-5, training, standardBatchStatistics, standard.value());"), code);
        // Nothing before the output layer is trained: the backward pass ends there.
        assertTrue(!code.contains("BatchNormKernel.backward"), code);
        assertTrue(code.contains("BatchNormKernel.updateMovingStatistics(standardBatchStatistics, 0.9,"), code);

        ModelSource plain = model("Plain", mnist(""), "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation without = plain.compile();
        assertThat(without).succeeded();
        assertTrue(!without.generatedSourceFile("test.PlainNetwork").orElseThrow().getCharContent(true).toString()
                .contains("updateStatistics"), "a model without statistics inherits the empty update");
    }

    @Test
    void batchNormalizationSettingsOutOfRangeAreErrorsOnTheirValues() {
        ModelSource source = model("BadNormalization", "input = {26, 26, 8}, classes = 10, loss = Loss.CATEGORICAL_CROSSENTROPY",
                "    @BatchNormalization(axis = 1) Layer channelsFirst;",
                "    @BatchNormalization(",
                "        momentum = 1.0,",
                "        epsilon = 0) Layer both;",
                "    @BatchNormalization(axis = 0) Layer batch;",
                "    @BatchNormalization(axis = 3) Layer last;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "BatchNormalization normalizes only the last axis (channels-last) but has"
                + " axis = 1 of its input (None, 26, 26, 8), whose last axis is 3. Remove axis = 1 to normalize the last axis"
                + " (its default, -1), or reshape the input so that the axis to normalize comes last.", "axis = 1");
        source.assertErrorOnLine(compilation, "BatchNormalization needs a momentum in [0, 1) but has momentum = 1.0.",
                "momentum = 1.0");
        source.assertErrorOnLine(compilation, "BatchNormalization needs a positive epsilon but has epsilon = 0.0.",
                "epsilon = 0");
        source.assertErrorOnLine(compilation, "axis = 0, the batch's. Remove axis = 0", "axis = 0");
        assertEquals(4, compilation.errors().size(), "axis = 3 is the last axis of (None, 26, 26, 8)\n"
                + compilation.errors());
    }

    /** Generated code with its line breaks and indentation as single spaces. */
    private static String oneLine(String code) {
        return code.replaceAll("\\s*\n\\s*", " ");
    }

    @Test
    void variantsWithLogitsSgdAdamNoBiasAndReshapeCompile() {
        ModelSource logits = model("Logits", "input = {784}, classes = 10, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,"
                        + " fromLogits = true, optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.01)",
                "    @Reshape({28, 28}) Layer image;",
                "    @Reshape({-1}) Layer flat;",
                "    @Dense(units = 32, activation = TANH, useBias = false) Layer a;",
                "    @Dense(units = 16, activation = SIGMOID) Layer b;",
                "    @Dense(units = 16, activation = ELU) Layer c;",
                "    @Dense(units = 16, activation = LEAKY_RELU) Layer input;",
                "    @Dense(units = 10) Layer out;");
        assertThat(logits.compile()).succeededWithoutWarnings();

        ModelSource sgd = model("Sgd", mnist("optimizer = @Optimizer(kind = Optimizer.Kind.SGD, momentum = 0.9, nesterov = true)"),
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SIGMOID) Layer out;");
        Compilation compilation = sgd.compile();
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("out outputs sigmoid values but the loss expects probabilities");
    }

    @Test
    void denseFedImagesAsksForFlatten() {
        ModelSource source = model("NoFlatten", mnist(""),
                "    @Dense(units = 512, activation = RELU) Layer hidden;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        source.assertErrorOnLine(compilation,
                "hidden: Dense needs a flat input (features) but receives (28, 28). Add @Flatten before hidden to make it (784).",
                "Layer hidden;");
        assertThat(compilation).hadErrorContaining("Shapes: input (28, 28) -> hidden");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void reshapeMustKeepTheElementCount() {
        ModelSource source = model("BadReshape", mnist(""),
                "    @Reshape({30, 30}) Layer image;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation,
                "image: Reshape to (30, 30) needs 900 elements but its input (28, 28) has 784. "
                        + "Choose dimensions whose product is 784, such as {28, 28, 1}.",
                "Layer image;");
    }

    @Test
    void theLastLayerMustHaveOneUnitPerClass() {
        ModelSource source = model("NineClasses", mnist(""),
                "    @Flatten Layer flat;",
                "    @Dense(units = 9,",
                "           activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        // On the units value itself, not on the field.
        source.assertErrorOnLine(compilation,
                "out is the last layer and outputs (9) but the model has 10 classes (@Model(classes = 10)). Set units = 10.",
                "units = 9");
    }

    @Test
    void softmaxWithALogitsLossIsAnError() {
        ModelSource source = model("DoubleSoftmax", mnist("fromLogits = true"),
                "    @Flatten Layer flat;",
                "    @Dense(units = 10,",
                "           activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "out applies softmax but the loss takes logits (fromLogits = true)",
                "activation = SOFTMAX");
    }

    @Test
    void linearOutputWithAProbabilityLossIsAWarning() {
        ModelSource source = model("Logits", mnist(""),
                "    @Flatten Layer flat;",
                "    @Dense(units = 10) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(
                        "out outputs logits (a linear activation) but the loss expects probabilities (fromLogits = false)")
                .inFile(source.file()).onLine(source.lineOf("Layer out;"));
    }

    @Test
    void nonPositiveSizesAreErrorsOnTheirValues() {
        ModelSource source = model("Sizes", "input = {28, 0}, classes = 1, loss = Loss.CATEGORICAL_CROSSENTROPY",
                "    @Reshape({28, -2}) Layer image;",
                "    @Dense(units = 0) Layer hidden;",
                "    @Dense(units = -3, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "input (28, 0) has the dimension 0; every dimension must be positive.", "@Model(");
        source.assertErrorOnLine(compilation, "classes is 1 but a classifier needs at least 2 classes.", "@Model(");
        source.assertErrorOnLine(compilation, "image: Reshape (28, -2) has the dimension -2", "Layer image;");
        source.assertErrorOnLine(compilation, "hidden: Dense needs a positive number of units but has units = 0.", "Layer hidden;");
        source.assertErrorOnLine(compilation, "out: Dense needs a positive number of units but has units = -3.", "Layer out;");
        assertEquals(5, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aModelWithoutLayersIsAnError() {
        ModelSource source = model("Empty", mnist(""), "    int notALayer;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "Empty has no layers.", "@Model(");
    }

    @Test
    void aLayerFieldWithoutALayerAnnotationIsAnError() {
        ModelSource source = model("Unannotated", mnist(""),
                "    @Flatten Layer flat;",
                "    Layer forgotten;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "forgotten is a Layer field without a layer annotation", "Layer forgotten;");
    }

    @Test
    void aLayerAnnotationOnAnotherTypeIsAnError() {
        ModelSource source = model("WrongType", mnist(""),
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Object out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "out has a layer annotation but the type java.lang.Object. Declare it as Layer out;",
                "Object out;");
    }

    @Test
    void twoErrorsInOneModelAreBothReported() {
        ModelSource source = model("TwoErrors", mnist(""),
                "    @Dense(units = 512, activation = RELU) Layer hidden;",
                "    @Dense(units = 9, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "hidden: Dense needs a flat input", "Layer hidden;");
        source.assertErrorOnLine(compilation, "out is the last layer and outputs (9) but the model has 10 classes", "Layer out;");
        assertEquals(2, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void optimizerSettingsOutOfRangeAreErrors() {
        ModelSource source = model("BadAdam",
                mnist("optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = -0.1, beta2 = 1.0)"),
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "learningRate must be positive and finite but is -0.1.", "@Model(");
        source.assertErrorOnLine(compilation, "beta2 must be in [0, 1) but is 1.0.", "@Model(");
        assertEquals(2, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void errorsAreNotExceptions() {
        // An unreadable value (a compile error of its own) must not make the processor throw.
        ModelSource source = model("Unreadable", mnist(""),
                "    @Flatten Layer flat;",
                "    @Dense(units = UNDEFINED, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        assertTrue(compilation.errors().stream().noneMatch(d -> d.getMessage(null).contains("internal error")),
                compilation.errors().toString());
        assertTrue(compilation.diagnostics().stream().allMatch(d -> d.getKind() != Diagnostic.Kind.OTHER));
    }
}
