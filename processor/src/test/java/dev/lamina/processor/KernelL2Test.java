package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.ModelSource.mnist;
import static dev.lamina.processor.ModelSource.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code kernelL2} on @Dense and @Conv2D, Keras' {@code kernel_regularizer=regularizers.L2(l2)}: its checks and its code. */
class KernelL2Test {
    private static final String FACTOR = " It is the factor of the penalty kernelL2 · Σ kernel² added to the loss: use a"
            + " small one such as 0.01 (Keras' L2 default), or remove kernelL2 for none.";

    @Test
    void aNegativeNanOrInfiniteFactorIsAnErrorOnItsValue() {
        ModelSource source = model("BadPenalties", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 4, kernel = {3, 3}, kernelL2 = Double.NaN) Layer conv;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 16, kernelL2 = -0.01) Layer hidden;",
                "    @Dense(units = 10, activation = SOFTMAX, kernelL2 = 1.0 / 0) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).failed();
        // On the line of the value, where javac puts an expression's position (at NaN, at the division).
        source.assertErrorOnLine(compilation, "conv: Conv2D needs a finite kernelL2 of at least 0 but has kernelL2 = NaN."
                + FACTOR, "Layer conv;");
        source.assertErrorAt(compilation, "hidden: Dense needs a finite kernelL2 of at least 0 but has kernelL2 = -0.01."
                + FACTOR, "Layer hidden;", "-0.01");
        source.assertErrorOnLine(compilation, "out: Dense needs a finite kernelL2 of at least 0 but has kernelL2 = Infinity."
                + FACTOR, "Layer out;");
        assertEquals(3, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aRegularizedKernelsPenaltyIsInTheLossAndItsGradientInItsLayersBlock() throws IOException {
        ModelSource source = model("Penalized", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @Conv2D(filters = 8, kernel = {3, 3}, activation = RELU, kernelL2 = 0.001) Layer conv;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 16, activation = RELU) Layer hidden;",
                "    @Dense(units = 10, activation = SOFTMAX, useBias = false, kernelL2 = 0.01) Layer out;");
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = oneLine(compilation.generatedSourceFile("test.PenalizedNetwork").orElseThrow()
                .getCharContent(true).toString());
        assertTrue(code.contains("// conv: Conv2D(8, 3x3, relu, kernel L2 0.001), (batch, 26, 26, 8)"), code);
        assertTrue(code.contains("// out: Dense(10, softmax, no bias, kernel L2 0.01), (batch, 10)"), code);
        assertTrue(code.contains("// hidden: Dense(16, relu), (batch, 16)"), code);
        // In each layer's block of the backward pass, after the statements that wrote the kernel's gradient.
        assertTrue(code.contains("outKernel.gradient(), null, hidden.gradient());"
                + " // The loss includes the kernel's L2 penalty, 0.01 · Σ kernel², so its gradient gains 2 · 0.01 · kernel."
                + " L2Regularization.addGradient(outKernel.value(), 0.01, outKernel.gradient());"), code);
        assertTrue(code.contains("convKernel.gradient(), convBias.gradient(), null);"
                + " // The loss includes the kernel's L2 penalty, 0.001 · Σ kernel², so its gradient gains 2 · 0.001 · kernel."
                + " L2Regularization.addGradient(convKernel.value(), 0.001, convKernel.gradient());"), code);
        assertTrue(code.contains("public double regularizationLoss() {"
                + " // Keras adds each regularized kernel's l2 · Σ kernel² to the loss, in fit and evaluate alike."
                + " return L2Regularization.penalty(convKernel.value(), 0.001)"
                + " + L2Regularization.penalty(outKernel.value(), 0.01); }"), code);
        assertFalse(code.contains("hiddenKernel.value(), 0"), "hidden is not regularized\n" + code);
        assertFalse(code.contains("Bias.value(), 0.0"), "no bias is regularized\n" + code);
    }

    @Test
    void aZeroFactorGeneratesTheCodeOfNoFactorWithoutPenalty() throws IOException {
        String none = network("    @Conv2D(filters = 4, kernel = {3, 3}, activation = RELU) Layer conv;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
        String zero = network("    @Conv2D(filters = 4, kernel = {3, 3}, activation = RELU, kernelL2 = 0) Layer conv;",
                "    @Dense(units = 10, activation = SOFTMAX, kernelL2 = 0.0) Layer out;");
        assertEquals(none, zero);
        assertFalse(zero.contains("L2Regularization"), zero);
        assertFalse(zero.contains("regularizationLoss"), "a model without penalty inherits Network's 0\n" + zero);
    }

    /** As GeneratedNamesTest: a layer named like the penalty's kernel class or method keeps compiling. */
    @Test
    void layersNamedLikeThePenaltysNamesCompile() {
        ModelSource source = model("Shadowed", mnist(""),
                "    @Flatten Layer flat;",
                "    @Dense(units = 16, activation = RELU, kernelL2 = 0.01) Layer L2Regularization;",
                "    @Dense(units = 10, activation = SOFTMAX, kernelL2 = 0.01) Layer regularizationLoss;");
        assertThat(source.compile()).succeededWithoutWarnings();
    }

    private static String network(String conv, String out) throws IOException {
        ModelSource source = model("Plain", mnist(""), "    @Reshape({28, 28, 1}) Layer image;", conv,
                "    @Flatten Layer flat;", out);
        Compilation compilation = source.compile();
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedSourceFile("test.PlainNetwork").orElseThrow().getCharContent(true).toString();
    }

    /** Generated code with its line breaks and indentation as single spaces. */
    private static String oneLine(String code) {
        return code.replaceAll("\\s*\n\\s*", " ");
    }
}
