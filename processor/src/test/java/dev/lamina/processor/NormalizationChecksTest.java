package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Normalization}: it must take the model's input (its statistics are measured on the training
 * features), an error by message and line otherwise; its 2n + 1 parameters are none trainable.
 */
class NormalizationChecksTest {
    private static final String OUT = "    @Dense(units = 1, activation = SIGMOID) Layer out;";

    private static ModelSource binary(String name, String input, String... body) {
        String[] lines = new String[body.length + 1];
        System.arraycopy(body, 0, lines, 0, body.length);
        lines[body.length] = OUT;
        return ModelSource.model(name, "input = {" + input + "}, classes = 2, loss = Loss.BINARY_CROSSENTROPY", lines);
    }

    private static String generated(ModelSource source, String network) throws Exception {
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedSourceFile("test." + network).orElseThrow().getCharContent(true).toString();
    }

    @Test
    void aNormalizationAfterAnotherLayerIsAnErrorOnItsLine() {
        ModelSource source = binary("Late", "4",
                "    @Dense(units = 8, activation = RELU) Layer hidden;",
                "    @Normalization Layer norm;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        source.assertErrorOnLine(compilation, "Normalization standardizes the model's input with statistics fit"
                + " measures on the training data, but it takes hidden's output. Declare it as the first field, or set"
                + " from = Model.INPUT.", "@Normalization");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aNormalizationFromAnotherFieldIsAnErrorOnItsLine() {
        ModelSource source = binary("FromField", "4",
                "    @Dense(units = 8, activation = RELU) Layer hidden;",
                "    @Dense(units = 8, activation = RELU) Layer second;",
                "    @Normalization(from = \"hidden\") Layer norm;",
                "    @Add({\"second\", \"norm\"}) Layer sum;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        source.assertErrorOnLine(compilation, "but it takes hidden's output. Declare it as the first field, or set"
                + " from = Model.INPUT.", "@Normalization");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aNormalizationFirstOrFromTheInputCompilesWith2nPlus1ParametersNoneTrainable() throws Exception {
        String first = generated(binary("First", "4",
                "    @Normalization Layer norm;",
                "    @Dense(units = 8, activation = RELU) Layer hidden;"), "FirstNetwork");
        // Keras: Normalization on 4 features has 9 non-trainable weights (mean, variance, count).
        assertTrue(first.contains(" norm (Normalization) "), first);
        assertTrue(first.contains("Non-trainable params: 9\n"), first);
        assertTrue(first.contains("Trainable params: 49\n"), first);
        assertTrue(first.contains("Total params: 58\n"), first);

        String fromInput = generated(binary("FromInput", "30",
                "    @Normalization(from = Model.INPUT) Layer norm;",
                "    @Dense(units = 16, activation = RELU) Layer hidden;"), "FromInputNetwork");
        assertTrue(fromInput.contains("Non-trainable params: 61\n"), fromInput);
        assertTrue(fromInput.contains("Trainable params: 513\n"), fromInput);

        // An image: per channel, 2 * 3 + 1.
        String image = generated(binary("Image", "5, 5, 3",
                "    @Normalization Layer norm;",
                "    @Flatten Layer flat;"), "ImageNetwork");
        assertTrue(image.contains("Non-trainable params: 7\n"), image);
    }

    @Test
    void aNormalizationFromTheInputAfterAnotherLayerStandardizesTheInput() throws Exception {
        String code = generated(binary("Branch", "4",
                "    @Dense(units = 4, activation = RELU) Layer hidden;",
                "    @Normalization(from = Model.INPUT) Layer norm;",
                "    @Add({\"hidden\", \"norm\"}) Layer sum;"), "BranchNetwork");
        String oneLine = code.replaceAll("\\s+", " ");
        assertTrue(oneLine.contains("NormalizationKernel.forward(input, normMean.value(), normVariance.value(), norm.value());"),
                code);
        assertTrue(oneLine.contains("NormalizationKernel.adapt(input, normMean.value(), normVariance.value(), normCount.value());"),
                code);
        assertTrue(oneLine.contains("return NormalizationKernel.adapted(normCount.value());"), code);
        assertTrue(code.contains("Non-trainable params: 9\n"), code);
    }
}
