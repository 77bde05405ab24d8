package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.ModelSource.mnist;
import static dev.lamina.processor.ModelSource.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Sizes past what the runtime can hold are compile errors on the value at fault, computed exactly:
 * before, products of annotation values wrapped around a long, so broken models compiled (or the
 * processor divided by zero).
 */
class SizeLimitsTest {

    @Test
    void aReshapeWhoseKnownSizeOverflowsIsAnErrorNotACrash() {
        ModelSource source = model("Overflowing", mnist(""),
                "    @Reshape({-1, 65536, 65536, 65536, 65536}) Layer image;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        assertNoInternalError(compilation);
        source.assertErrorOnLine(compilation, "image: Reshape to (-1, 65536, 65536, 65536, 65536) needs more than"
                + " 2,147,483,639 elements but its input (28, 28) has 784.", "@Reshape({-1,");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aReshapeWhoseProductWrapsAroundToTheInputsSizeIsRefused() {
        // 1268218531 x 3498256 x 41579 is 2^64 + 784: a long wraps it around to 784, the input's size.
        ModelSource source = model("WrapsAround", mnist(""),
                "    @Reshape({1268218531, 3498256, 41579}) Layer image;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "image: Reshape to (1268218531, 3498256, 41579) needs more than"
                + " 2,147,483,639 elements but its input (28, 28) has 784. Choose dimensions whose product is 784",
                "@Reshape(");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void anInputPastTheLimitIsAnErrorOnInput() {
        ModelSource source = model("HugeInput",
                "input = {65536, 65536, 65536, 65536}, classes = 10, loss = Loss.CATEGORICAL_CROSSENTROPY",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "input (65536, 65536, 65536, 65536) has more than 2,147,483,639 elements"
                + " per sample", "@Model(");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void denseUnitsPastTheLimitAreAnErrorOnUnits() {
        // Three of them made "Total params: -4,611,686,011,984,936,950".
        ModelSource source = model("HugeDense", mnist(""),
                "    @Flatten Layer flat;",
                "    @Dense(units = Integer.MAX_VALUE,",
                "           activation = RELU) Layer a;",
                "    @Dense(units = Integer.MAX_VALUE) Layer b;",
                "    @Dense(units = Integer.MAX_VALUE, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        source.assertErrorOnLine(compilation, "a: Dense's output (2147483647) has more than 2,147,483,639 elements"
                + " per sample, the most one array holds. Use fewer units.", "units = Integer.MAX_VALUE,");
        // The layers after it have no known input: its error is not repeated for them.
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aDenseKernelPastTheLimitIsAnErrorOnUnits() {
        ModelSource source = model("WideDense", mnist(""),
                "    @Flatten Layer flat;",
                "    @Dense(units = 4000000,",
                "           activation = RELU) Layer wide;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "wide: Dense's kernel (784, 4000000) has more than 2,147,483,639 elements,"
                + " the most one array holds. Use fewer units.", "units = 4000000,");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void convolutionSizesPastTheLimitAreErrorsOnFiltersOrKernel() {
        ModelSource source = model("HugeConv", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = Integer.MAX_VALUE,",
                "            kernel = {3, 3}) Layer many;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "many: Conv2D's output (26, 26, 2147483647) has more than 2,147,483,639"
                + " elements per sample, the most one array holds. Use fewer filters.", "filters = Integer.MAX_VALUE,");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());

        ModelSource wide = model("WideKernel", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 1, padding = Padding.SAME,",
                "            kernel = {65536, 65536}) Layer wide;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        Compilation wideCompilation = wide.compile();
        wide.assertErrorOnLine(wideCompilation, "wide: Conv2D's kernel (65536, 65536, 1, 1) has more than 2,147,483,639"
                + " elements, the most one array holds. Use a smaller kernel.", "kernel = {65536, 65536}");
        assertEquals(1, wideCompilation.errors().size(), wideCompilation.errors().toString());
    }

    @Test
    void sizesAtTheLimitCompile() throws Exception {
        ModelSource source = model("AtTheLimit", "input = {1}, classes = 2147483639, loss = Loss.CATEGORICAL_CROSSENTROPY",
                "    @Dense(units = 2147483639, activation = SOFTMAX) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = compilation.generatedSourceFile("test.AtTheLimitNetwork").orElseThrow().getCharContent(true).toString();
        assertTrue(code.contains("Total params: 4,294,967,278"), code);

        ModelSource past = model("PastTheLimit", "input = {1}, classes = 2147483640, loss = Loss.CATEGORICAL_CROSSENTROPY",
                "    @Dense(units = 2147483640, activation = SOFTMAX) Layer out;");
        Compilation pastCompilation = past.compile();
        past.assertErrorOnLine(pastCompilation, "out: Dense's output (2147483640) has more than 2,147,483,639 elements",
                "Layer out;");
    }

    private static void assertNoInternalError(Compilation compilation) {
        assertTrue(compilation.errors().stream().noneMatch(d -> d.getMessage(null).contains("internal error")),
                compilation.errors().toString());
    }
}
