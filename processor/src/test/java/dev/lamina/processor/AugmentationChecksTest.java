package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Rescaling}, {@code @RandomFlip}, {@code @RandomTranslation}, {@code @RandomRotation} and
 * {@code @RandomZoom}: their settings and their
 * input checked at compile time, each an error by message and position; no parameters, a summary row
 * each, and the generated calls.
 */
class AugmentationChecksTest {
    private static final String OUT = "    @Dense(units = 1, activation = SIGMOID) Layer out;";

    private static ModelSource binary(String name, String input, String... body) {
        String[] lines = new String[body.length + 1];
        System.arraycopy(body, 0, lines, 0, body.length);
        lines[body.length] = OUT;
        return ModelSource.model(name, "input = {" + input + "}, classes = 2, loss = Loss.BINARY_CROSSENTROPY", lines);
    }

    @Test
    void factorsOutOfRangeAreErrorsOnTheirValues() {
        ModelSource source = binary("BadFactors", "8, 8, 1",
                "    @RandomTranslation(height = 1.5, width = 0.1) Layer shift;",
                "    @RandomTranslation(height = 0.1, width = -0.2) Layer again;",
                "    @Rescaling(scale = Double.NaN) Layer scaled;",
                "    @Flatten Layer flat;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        source.assertErrorAt(compilation, "shift: RandomTranslation needs height in [0, 1] but has height = 1.5. It is the"
                + " largest shift as a fraction of the image's height, drawn in [-height, height]: height = 0.1 shifts by"
                + " up to 10%.", "Layer shift;", "1.5");
        source.assertErrorAt(compilation, "again: RandomTranslation needs width in [0, 1] but has width = -0.2.",
                "Layer again;", "-0.2");
        source.assertErrorOnLine(compilation, "scaled: Rescaling needs a finite scale but has scale = NaN.",
                "Layer scaled;");
        assertEquals(3, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aFlipOrTranslationOfNoImageIsAnErrorOnItsLineWithTheReshape() {
        ModelSource source = binary("Flat", "784",
                "    @RandomFlip Layer flip;",
                "    @RandomTranslation(height = 0.1, width = 0.1) Layer shift;",
                "    @Dense(units = 8, activation = RELU) Layer hidden;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        source.assertErrorOnLine(compilation, "flip: RandomFlip needs input (height, width, channels) but receives (784)."
                + " Add @Reshape({28, 28, 1}) before flip", "Layer flip;");
        source.assertErrorOnLine(compilation, "shift: RandomTranslation needs input (height, width, channels) but"
                + " receives (784).", "Layer shift;");
        assertEquals(2, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void augmentationLayersHaveNoParametersARowEachAndCallTheirKernels() throws Exception {
        ModelSource source = binary("Augmented", "8, 8, 3",
                "    @Rescaling(scale = 1.0 / 255, offset = -0.5) Layer scaled;",
                "    @RandomFlip(mode = FlipMode.HORIZONTAL) Layer flip;",
                "    @RandomTranslation(height = 0.2, width = 0.1, fill = FillMode.CONSTANT) Layer shift;",
                "    @Conv2D(filters = 2, kernel = {3, 3}) Layer conv;",
                "    @RandomFlip Layer flipAgain;",
                "    @Flatten Layer flat;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.AugmentedNetwork").orElseThrow().getCharContent(true)
                .toString();
        assertTrue(code.contains(" scaled (Rescaling) "), code);
        assertTrue(code.contains(" flip (RandomFlip) "), code);
        assertTrue(code.contains(" shift (RandomTranslation) "), code);
        // conv: 3 * 3 * 3 * 2 + 2 = 56, out: 6 * 6 * 2 + 1 = 73.
        assertTrue(code.contains("Trainable params: 129\n"), code);
        assertTrue(code.contains("Non-trainable params: 0\n"), code);
        String oneLine = code.replaceAll("\\s+", " ");
        assertTrue(oneLine.contains("RescalingKernel.forward(input, 0.00392156862745098, -0.5, scaled.value());"), code);
        assertTrue(oneLine.contains("RandomFlipKernel.forward(scaled.value(), true, false, training, trainingRandom(),"
                + " flipDraws.value(), flip.value());"), code);
        assertTrue(oneLine.contains("RandomTranslationKernel.forward(flip.value(), 0.2, 0.1, FillMode.CONSTANT, training,"
                + " trainingRandom(), shiftDraws.value(), shift.value());"), code);
        // No layer before the input's augmentation is trained, so only the flip after the convolution passes a gradient back.
        assertTrue(oneLine.contains("RandomFlipKernel.backward(flipAgainDraws.value(), flipAgain.gradient(), conv.gradient());"),
                code);
        assertTrue(!oneLine.contains("RandomTranslationKernel.backward"), code);
        assertTrue(!oneLine.contains("RescalingKernel.backward"), code);
    }

    @Test
    void rotationAndZoomFactorsOutOfRangeAreErrorsOnTheirValues() {
        ModelSource source = binary("BadTurns", "8, 8, 1",
                "    @RandomRotation(1.5) Layer turn;",
                "    @RandomZoom(height = -0.2) Layer zoom;",
                "    @RandomZoom(height = 0.2, width = Double.NaN) Layer sameZoom;",
                "    @RandomZoom(height = 0.2, width = 2) Layer wide;",
                "    @Flatten Layer flat;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        source.assertErrorAt(compilation, "turn: RandomRotation needs value in [0, 1] but has value = 1.5. It is the"
                + " largest angle as a fraction of a full turn, drawn in [-value, value]: @RandomRotation(0.1) rotates"
                + " by up to 36 degrees either way.", "Layer turn;", "1.5");
        source.assertErrorAt(compilation, "zoom: RandomZoom needs height in [0, 1] but has height = -0.2. It is the"
                + " largest zoom as a fraction of the image's height, drawn in [1 - height, 1 + height]: height = 0.2"
                + " zooms between 80% and 120%.", "Layer zoom;", "-0.2");
        source.assertErrorAt(compilation, "wide: RandomZoom needs width in [0, 1] but has width = 2.0.", "Layer wide;",
                "2) Layer");
        // An explicit NaN width is the default: the width zoomed as the height.
        assertEquals(3, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aRotationOrZoomOfNoImageIsAnErrorOnItsLine() {
        ModelSource source = binary("FlatTurns", "64",
                "    @RandomRotation(0.1) Layer turn;",
                "    @RandomZoom(height = 0.1) Layer zoom;",
                "    @Dense(units = 8, activation = RELU) Layer hidden;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        source.assertErrorOnLine(compilation, "turn: RandomRotation needs input (height, width, channels) but receives"
                + " (64). Add @Reshape({8, 8, 1}) before turn", "Layer turn;");
        source.assertErrorOnLine(compilation, "zoom: RandomZoom needs input (height, width, channels) but receives (64).",
                "Layer zoom;");
        assertEquals(2, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void rotationAndZoomCallTheirKernelsAndTheFrontLayersMakeAugment() throws Exception {
        ModelSource source = binary("Turned", "8, 8",
                "    @Reshape({8, 8, 1}) Layer image;",
                "    @RandomRotation(value = 0.1, fill = FillMode.WRAP) Layer turn;",
                "    @Rescaling(scale = 2) Layer scaled;",
                "    @RandomZoom(height = 0.2, interpolation = Interpolation.NEAREST) Layer zoom;",
                "    @Conv2D(filters = 2, kernel = {3, 3}) Layer conv;",
                "    @RandomZoom(height = 0.3, width = 0.1) Layer zoomAgain;",
                "    @Flatten Layer flat;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.TurnedNetwork").orElseThrow().getCharContent(true)
                .toString();
        assertTrue(code.contains(" turn (RandomRotation) "), code);
        assertTrue(code.contains(" zoom (RandomZoom) "), code);
        assertTrue(code.contains("Non-trainable params: 0\n"), code);
        String oneLine = code.replaceAll("\\s+", " ");
        assertTrue(oneLine.contains("// turn: RandomRotation(0.1, wrap, bilinear), (batch, 8, 8, 1) "
                + "RandomRotationKernel.forward(image.value(), 0.1, FillMode.WRAP, Interpolation.BILINEAR, training,"
                + " trainingRandom(), turnDraws.value(), turn.value());"), code);
        assertTrue(oneLine.contains("// zoom: RandomZoom(height 0.2, width as height, reflect, nearest), (batch, 8, 8, 1) "
                + "RandomZoomKernel.forward(scaled.value(), 0.2, Double.NaN, FillMode.REFLECT, Interpolation.NEAREST,"
                + " training, trainingRandom(), zoomDraws.value(), zoom.value());"), code);
        assertTrue(oneLine.contains("private final LayerOutput turnDraws = buffer(1);"), code);
        assertTrue(oneLine.contains("RandomZoomKernel.backward(zoomAgainDraws.value(), FillMode.REFLECT,"
                + " Interpolation.BILINEAR, zoomAgain.gradient(), conv.gradient());"), code);
        // augment: the front layers up to the last random one before the convolution, in training or not.
        int augment = oneLine.indexOf("protected INDArray augment(INDArray input, boolean training) {");
        assertTrue(augment > 0, code);
        String body = oneLine.substring(augment, oneLine.indexOf("}", augment));
        assertTrue(body.contains("RandomRotationKernel.forward(") && body.contains("RescalingKernel.forward(")
                && body.contains("RandomZoomKernel.forward(scaled.value()") && body.endsWith("return zoom.value(); "),
                body);
        assertTrue(!body.contains("conv"), body);
    }

    @Test
    void noAugmentWithoutRandomLayersInFront() throws Exception {
        ModelSource source = binary("LateFlip", "8, 8, 1",
                "    @Rescaling(scale = 2) Layer scaled;",
                "    @Conv2D(filters = 2, kernel = {3, 3}) Layer conv;",
                "    @RandomFlip Layer flip;",
                "    @Flatten Layer flat;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.LateFlipNetwork").orElseThrow().getCharContent(true)
                .toString();
        assertTrue(!code.contains(" augment("), code);
    }
}
