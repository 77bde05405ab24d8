package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.ModelSource.mnist;
import static dev.lamina.processor.ModelSource.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * AdamW, the weight decay and the clipping of {@code @Optimizer}: the generated optimizer and its
 * comment, and the errors for values Keras refuses (or that would grow the weights), on the value.
 */
class OptimizerSettingsTest {

    private static ModelSource withOptimizer(String name, String optimizer) {
        return model(name, mnist("optimizer = @Optimizer(" + optimizer + ")"),
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = SOFTMAX) Layer out;");
    }

    private static String generated(Compilation compilation, String name) throws Exception {
        return compilation.generatedSourceFile("test." + name + "Network").orElseThrow().getCharContent(true).toString();
    }

    @Test
    void adamWTakesKerasDefaultWeightDecay() throws Exception {
        Compilation compilation = withOptimizer("WithAdamW", "kind = Optimizer.Kind.ADAMW").compile();
        assertThat(compilation).succeededWithoutWarnings();
        String code = generated(compilation, "WithAdamW");
        assertTrue(code.contains("// AdamW: learning rate 0.001, weight decay 0.004, beta1 0.9, beta2 0.999, epsilon 1.0E-7,"
                + " clipping none"), code);
        assertTrue(code.contains("parameters -> new AdamW(parameters, 0.001, 0.004, 0.9, 0.999, 1.0E-7));"), code);
    }

    @Test
    void everyKindTakesAWeightDecayAndAClipping() throws Exception {
        Compilation sgd = withOptimizer("DecayedSgd", "kind = Optimizer.Kind.SGD, weightDecay = 0.01, clipNorm = 1.0").compile();
        assertThat(sgd).succeededWithoutWarnings();
        String code = generated(sgd, "DecayedSgd");
        assertTrue(code.contains("// SGD: learning rate 0.01, momentum 0.0, nesterov false, weight decay 0.01, clipping"
                + " clipnorm 1.0"), code);
        assertTrue(code.contains("parameters -> new Sgd(parameters, 0.01, 0.0, false).weightDecay(0.01)"
                + ".clipping(GradientClipping.byNorm(1.0))"), code);

        Compilation rmsProp = withOptimizer("ClippedRmsProp", "kind = Optimizer.Kind.RMSPROP, globalClipNorm = 5").compile();
        assertThat(rmsProp).succeededWithoutWarnings();
        code = generated(rmsProp, "ClippedRmsProp");
        assertTrue(code.contains("// RMSprop: learning rate 0.001, rho 0.9, momentum 0.0, epsilon 1.0E-7, weight decay none,"
                + " clipping global_clipnorm 5.0"), code);
        assertTrue(code.contains("new RmsProp(parameters, 0.001, 0.9, 0.0, 1.0E-7).clipping(GradientClipping.byGlobalNorm(5.0))"),
                code);

        Compilation adamW = withOptimizer("ClippedAdamW", "kind = Optimizer.Kind.ADAMW, weightDecay = 0.05, clipValue = 0.5")
                .compile();
        assertThat(adamW).succeededWithoutWarnings();
        code = generated(adamW, "ClippedAdamW");
        assertTrue(code.contains("// AdamW: learning rate 0.001, weight decay 0.05, beta1 0.9, beta2 0.999, epsilon 1.0E-7,"
                + " clipping clipvalue 0.5"), code);
        assertTrue(code.contains("new AdamW(parameters, 0.001, 0.05, 0.9, 0.999, 1.0E-7).clipping(GradientClipping.byValue(0.5))"),
                code);
    }

    @Test
    void aNegativeWeightDecayIsAnErrorOnItsValue() {
        ModelSource source = withOptimizer("GrowingWeights", "kind = Optimizer.Kind.ADAM, weightDecay = -0.01");
        Compilation compilation = source.compile();
        source.assertErrorAt(compilation, "weightDecay must be finite and at least 0 but is -0.01; each step shrinks the"
                + " weights by w * weightDecay * learningRate. Give 0 for none, or leave it out for Keras' default (0.004"
                + " for ADAMW, none for the other kinds).", "@Model(", "-0.01");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void zeroAndNegativeClippingLimitsAreErrorsOnTheirValues() {
        ModelSource zero = withOptimizer("ZeroNorm", "kind = Optimizer.Kind.SGD, clipNorm = 0");
        Compilation compilation = zero.compile();
        zero.assertErrorAt(compilation, "clipNorm must be positive but is 0.0; it is the largest norm a gradient is clipped"
                + " to. Leave it out for no clipping.", "@Model(", "0)");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());

        ModelSource negative = withOptimizer("NegativeValue", "kind = Optimizer.Kind.RMSPROP, clipValue = -1.5");
        compilation = negative.compile();
        negative.assertErrorAt(compilation, "clipValue must be positive but is -1.5; it is the largest value a gradient is"
                + " clipped to. Leave it out for no clipping.", "@Model(", "-1.5");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void twoClippingsAreAnErrorOnTheSecond() {
        ModelSource source = withOptimizer("TwoNorms", "kind = Optimizer.Kind.ADAM, clipNorm = 1.0, globalClipNorm = 5.0");
        Compilation compilation = source.compile();
        source.assertErrorAt(compilation, "Only one of clipNorm, globalClipNorm and clipValue can be set, as in Keras, but"
                + " clipNorm = 1.0 and globalClipNorm = 5.0 both are. Remove one of them.", "@Model(", "5.0");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());

        ModelSource three = withOptimizer("ThreeClippings",
                "kind = Optimizer.Kind.SGD, clipNorm = 1.0, globalClipNorm = 5.0, clipValue = 0.5");
        compilation = three.compile();
        three.assertErrorAt(compilation, "but clipNorm = 1.0 and clipValue = 0.5 both are", "@Model(", "0.5");
        assertEquals(2, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void adamWWithoutDecayIsAWarningNamingAdam() {
        Compilation compilation = withOptimizer("UndecayedAdamW", "kind = Optimizer.Kind.ADAMW, weightDecay = 0").compile();
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("AdamW without weight decay is Adam; use kind = Optimizer.Kind.ADAM,"
                + " or give a weightDecay such as 0.004.");
    }

    @Test
    void adamWsBetasAreChecked() {
        ModelSource source = withOptimizer("BadAdamW", "kind = Optimizer.Kind.ADAMW, beta1 = 1.5");
        Compilation compilation = source.compile();
        source.assertErrorOnLine(compilation, "beta1 must be in [0, 1) but is 1.5.", "@Model(");
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }
}
