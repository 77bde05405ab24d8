package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.ModelSource.mnist;
import static dev.lamina.processor.ModelSource.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Models that branch: layers naming their input with {@code from}, merges naming theirs. A wrong name
 * or a merge of shapes that do not agree is a compile error on the value at fault, with the shapes'
 * paths and a fix; an output nobody takes is a warning.
 */
class GraphChecksTest {
    private static final String ADAM = "optimizer = @Optimizer(kind = Optimizer.Kind.ADAM)";
    private static final String[] HEAD = {
        "    @Reshape({28, 28, 1}) Layer image;",
        "    @Conv2D(filters = 32, kernel = {3, 3}, padding = Padding.SAME, activation = RELU) Layer block1;",
        "    @Conv2D(filters = 32, kernel = {3, 3}, padding = Padding.SAME, activation = RELU) Layer c1;",
    };
    private static final String[] TAIL = {
        "    @MaxPool2D({2, 2}) Layer pool;",
        "    @Flatten Layer flat;",
        "    @Dense(units = 10, activation = SOFTMAX) Layer out;",
    };

    private static ModelSource residual(String name, String... middle) {
        String[] body = new String[HEAD.length + middle.length + TAIL.length];
        System.arraycopy(HEAD, 0, body, 0, HEAD.length);
        System.arraycopy(middle, 0, body, HEAD.length, middle.length);
        System.arraycopy(TAIL, 0, body, HEAD.length + middle.length, TAIL.length);
        return model(name, mnist(ADAM), body);
    }

    @Test
    void aResidualBlockCompilesWithItsSumInTheNetwork() throws Exception {
        ModelSource source = residual("Residual",
                "    @Conv2D(filters = 32, kernel = {3, 3}, padding = Padding.SAME) Layer c2;",
                "    @Add({\"c2\", \"block1\"}) Layer add;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.ResidualNetwork").orElseThrow().getCharContent(true).toString();
        assertTrue(code.contains("MergeKernel.add(add.value(), c2.value(), block1.value());"), code);
        // block1's output goes to c1 and to add: add's part, computed first, is written, c1's added.
        assertTrue(code.contains("block1.gradient().assign(add.gradient());"), code);
        assertTrue(code.contains("block1.gradient().addi(block1FromC1.value());"), code);
    }

    @Test
    void anUnknownNameIsAnErrorThatProposesTheClosest() {
        ModelSource source = residual("Unknown",
                "    @Conv2D(filters = 32, kernel = {3, 3}, padding = Padding.SAME, from = \"blok1\") Layer c2;",
                "    @Add({\"c2\", \"c1\"}) Layer add;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "c2: from = \"blok1\" names no layer of the model. Did you mean \"block1\"?",
                "Layer c2;");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aNameOfALaterFieldIsAnError() {
        ModelSource source = residual("Later",
                "    @Add({\"c1\", \"c2\"}) Layer add;",
                "    @Conv2D(filters = 32, kernel = {3, 3}, padding = Padding.SAME) Layer c2;");
        Compilation compilation = source.compile();
        // On the name at fault, not on the list.
        source.assertErrorAt(compilation, "add: \"c2\" names c2, which is declared after add; a layer takes the"
                + " output of a field declared before it, so that the model has no cycles. Move c2's field above add's.",
                "Layer add;", "\"c2\"");
    }

    @Test
    void addingShapesThatDifferShowsBothPathsAndTheProjectionThatFixesIt() {
        ModelSource source = residual("Mismatch",
                "    @Conv2D(filters = 64, kernel = {3, 3}, strides = {2, 2}, padding = Padding.SAME) Layer c2;",
                "    @Add({\"c2\", \"block1\"}) Layer add;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "add: Add sums outputs of one shape, but c2 outputs (14, 14, 64) and block1"
                + " outputs (28, 28, 32). Project block1 to (14, 14, 64): declare @Conv2D(filters = 64, kernel = {1, 1},"
                + " strides = {2, 2}, padding = Padding.SAME, from = \"block1\") Layer block1Projection; before this"
                + " layer and list block1Projection instead of \"block1\".", "Layer add;");
        source.assertErrorAt(compilation, "add: Add sums outputs of one shape", "Layer add;", "\"block1\"");
        // Each branch's path, one under the other.
        source.assertErrorOnLine(compilation, "Shapes: input (28, 28) -> image (28, 28, 1) -> block1 (28, 28, 32) -> c1"
                + " (28, 28, 32) -> c2 (14, 14, 64) -> add\n", "Layer add;");
        source.assertErrorOnLine(compilation, "          input (28, 28) -> image (28, 28, 1) -> block1 (28, 28, 32) -> add",
                "Layer add;");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());

        // The fix, pasted, compiles.
        ModelSource fixed = residual("Mismatch",
                "    @Conv2D(filters = 64, kernel = {3, 3}, strides = {2, 2}, padding = Padding.SAME) Layer c2;",
                "    @Conv2D(filters = 64, kernel = {1, 1}, strides = {2, 2}, padding = Padding.SAME, from = \"block1\")"
                        + " Layer block1Projection;",
                "    @Add({\"c2\", \"block1Projection\"}) Layer add;");
        assertThat(fixed.compile()).succeededWithoutWarnings();
    }

    @Test
    void multiplyingShapesThatDifferIsAnErrorOnTheNameAtFaultWithAddsProjection() {
        ModelSource source = residual("Product",
                "    @Conv2D(filters = 64, kernel = {3, 3}, padding = Padding.SAME) Layer c2;",
                "    @Multiply({\"c1\", \"block1\", \"c2\"}) Layer gated;");
        Compilation compilation = source.compile();
        // On the third name, c2: line and column.
        source.assertErrorAt(compilation, "gated: Multiply multiplies outputs of one shape, but c1 outputs (28, 28, 32)"
                + " and c2 outputs (28, 28, 64). Project c2 to (28, 28, 32): declare @Conv2D(filters = 32, kernel = {1, 1},"
                + " from = \"c2\") Layer c2Projection; before this layer and list c2Projection instead of \"c2\".",
                "Layer gated;", "\"c2\"");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());

        ModelSource average = residual("Mean",
                "    @Conv2D(filters = 64, kernel = {3, 3}, padding = Padding.SAME) Layer c2;",
                "    @Average({\"c2\", \"c1\"}) Layer mean;");
        average.assertErrorAt(average.compile(), "mean: Average averages outputs of one shape, but c2 outputs"
                + " (28, 28, 64) and c1 outputs (28, 28, 32). Project c1 to (28, 28, 64)", "Layer mean;", "\"c1\"");
        ModelSource one = residual("OneFactor", "    @Multiply({\"c1\"}) Layer gated;");
        one.assertErrorOnLine(one.compile(), "gated: @Multiply merges at least two layers' outputs but lists 1.",
                "Layer gated;");
    }

    @Test
    void aGateAndAnAverageCompileWithEachPartOfTheirGradients() throws Exception {
        ModelSource source = model("Gates", mnist(ADAM),
                "    @Flatten Layer flat;",
                "    @Dense(units = 16, activation = TANH) Layer hidden;",
                "    @Dense(units = 16, activation = SIGMOID, from = \"flat\") Layer gate;",
                "    @Multiply({\"hidden\", \"gate\", \"hidden\"}) Layer gated;",
                "    @Average({\"gated\", \"hidden\"}) Layer mean;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.GatesNetwork").orElseThrow().getCharContent(true).toString();
        assertTrue(code.contains("gated (Multiply)"), code);
        assertTrue(code.contains("mean (Average)"), code);
        assertTrue(code.contains("MergeKernel.multiply(gated.value(), hidden.value(), gate.value(), hidden.value());"), code);
        assertTrue(code.contains("MergeKernel.average(mean.value(), gated.value(), hidden.value());"), code);
        // Backward, mean first: each input gets half of its gradient; hidden's part from mean is written.
        assertTrue(code.contains("gated.gradient().assign(mean.gradient()).divi(2);"), code);
        assertTrue(code.contains("hidden.gradient().assign(mean.gradient()).divi(2);"), code);
        // Then the product: each factor's gradient is the product's times the others; hidden, listed
        // twice, gets two parts of its own, added to its gradient.
        assertTrue(code.contains("MergeKernel.multiply(hiddenFromGated.value(), gated.gradient(), gate.value(),"
                + " hidden.value());"), code);
        assertTrue(code.contains("MergeKernel.multiply(gate.gradient(), gated.gradient(), hidden.value(), hidden.value());"),
                code);
        assertTrue(code.contains("MergeKernel.multiply(hiddenFromGated3.value(), gated.gradient(), hidden.value(),"
                + " gate.value());"), code);
        assertTrue(code.contains("hidden.gradient().addi(hiddenFromGated.value());"), code);
        assertTrue(code.contains("hidden.gradient().addi(hiddenFromGated3.value());"), code);
    }

    @Test
    void concatenatingMapsOfDifferentSizesIsAnError() {
        ModelSource source = residual("Sizes",
                "    @MaxPool2D({2, 2}) Layer half;",
                "    @Concatenate({\"half\", \"c1\"}) Layer joined;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "joined: Concatenate along axis -1 needs the other axes to agree, but half"
                + " outputs (14, 14, 32) and c1 outputs (28, 28, 32), which differ on axis 1.", "Layer joined;");
        source.assertErrorAt(compilation, "joined: Concatenate along axis -1", "Layer joined;", "\"c1\"");
    }

    @Test
    void concatenatingAlongTheBatchIsAnErrorOnTheAxis() {
        ModelSource source = residual("Batch", "    @Concatenate(value = {\"c1\", \"block1\"}, axis = 0) Layer joined;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "joined: axis 0 is the batch, which Concatenate cannot join along.",
                "Layer joined;");
    }

    @Test
    void aMergeOfOneLayerIsAnError() {
        ModelSource source = residual("One", "    @Add({\"c1\"}) Layer add;");
        source.assertErrorOnLine(source.compile(), "add: @Add merges at least two layers' outputs but lists 1.",
                "Layer add;");
    }

    @Test
    void anOutputNobodyTakesIsAnUnusedBranchWarning() {
        ModelSource source = residual("Unused",
                "    @Conv2D(filters = 32, kernel = {3, 3}, padding = Padding.SAME) Layer forgotten;",
                "    @Add({\"c1\", \"block1\"}) Layer add;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("forgotten is an unused branch: no layer takes its output, and only"
                + " the last layer is the model's output.").inFile(source.file()).onLine(source.lineOf("Layer forgotten;"));
    }

    @Test
    void theInputCanBeNamedAndConcatenated() throws Exception {
        ModelSource source = model("Input", mnist(ADAM),
                "    @Flatten Layer flat;",
                "    @Dense(units = 16, activation = RELU) Layer hidden;",
                "    @Flatten(from = Model.INPUT) Layer pixels;",
                "    @Concatenate({\"hidden\", \"pixels\"}) Layer both;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.InputNetwork").orElseThrow().getCharContent(true).toString();
        assertTrue(code.contains("both (Concatenate)          (None, 800)"), code);
        assertTrue(code.contains("MergeKernel.split(1, both.gradient(), new int[] {16, 784}, hidden.gradient(), null);"),
                code);
    }
}
