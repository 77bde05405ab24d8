package dev.lamina.runtime.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.kernels.HostMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Clipping against values worked out by hand from Keras 3's formulas (base_optimizer.py's
 * {@code _clip_by_norm}, {@code clip_by_global_norm}, {@code ops.clip}), and, for every kind of
 * optimizer, that a step clips before it updates.
 */
class GradientClippingTest {

    private static List<Parameter> parameters(double[]... gradients) {
        List<Parameter> parameters = new ArrayList<>();
        for (double[] gradient : gradients) {
            INDArray g = Nd4j.createFromArray(gradient.clone());
            parameters.add(new Parameter("p" + parameters.size() + "/w", g.ulike(), g));
        }
        return parameters;
    }

    @Test
    void byNormScalesEachGradientAboveTheNormDownToIt() {
        // norm(3, 4) = 5 > 1: times 1 / 5; norm(0.3, 0.4) = 0.5 <= 1: unchanged.
        List<Parameter> p = parameters(new double[] {3, 4}, new double[] {0.3, 0.4});
        GradientClipping.byNorm(1).apply(p);
        assertArrayEquals(new double[] {0.6, 0.8}, p.get(0).gradient().toDoubleVector(), 1e-15);
        assertArrayEquals(new double[] {0.3, 0.4}, p.get(1).gradient().toDoubleVector(), 0);
    }

    @Test
    void byGlobalNormScalesAllGradientsByOneFactor() {
        // The global norm of (3, 4) and (0, 12) is sqrt(9 + 16 + 144) = 13; clipped to 6.5: times 0.5.
        List<Parameter> p = parameters(new double[] {3, 4}, new double[] {0, 12});
        GradientClipping.byGlobalNorm(6.5).apply(p);
        assertArrayEquals(new double[] {1.5, 2}, p.get(0).gradient().toDoubleVector(), 1e-15);
        assertArrayEquals(new double[] {0, 6}, p.get(1).gradient().toDoubleVector(), 1e-15);
        List<Parameter> small = parameters(new double[] {3, 4}, new double[] {0, 12});
        GradientClipping.byGlobalNorm(13).apply(small);
        assertArrayEquals(new double[] {0, 12}, small.get(1).gradient().toDoubleVector(), 0);
    }

    @Test
    void byGlobalNormMakesEveryGradientNaNWhenTheNormIsNotFinite() {
        // Keras: scale = c * min(1 / norm, 1 / c) + (norm - norm), NaN for an infinite norm.
        List<Parameter> p = parameters(new double[] {Double.POSITIVE_INFINITY, 1}, new double[] {2});
        GradientClipping.byGlobalNorm(1).apply(p);
        assertTrue(Double.isNaN(p.get(1).gradient().getDouble(0)), p.get(1).gradient().toString());
    }

    @Test
    void byNormMakesANaNGradientNaN() {
        // Keras: l2norm NaN, so g * c / max(NaN, c) is NaN (ND4J's own scalar product by NaN is not).
        List<Parameter> p = parameters(new double[] {Double.NaN, 1});
        GradientClipping.byNorm(1).apply(p);
        assertTrue(Double.isNaN(p.get(0).gradient().getDouble(1)), p.get(0).gradient().toString());
    }

    @Test
    void byValueClipsEachElement() {
        List<Parameter> p = parameters(new double[] {-3, 0.2, 5, -0.5});
        GradientClipping.byValue(0.5).apply(p);
        assertArrayEquals(new double[] {-0.5, 0.2, 0.5, -0.5}, p.get(0).gradient().toDoubleVector(), 0);
    }

    @Test
    void zeroNegativeAndInfiniteLimitsAreRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientClipping.byNorm(0));
        assertEquals("clipNorm must be positive and finite but is 0.0; for no clipping use GradientClipping.none()",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byGlobalNorm(-1));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byValue(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byValue(Double.NaN));
    }

    @Test
    void namesAreKeras() {
        assertEquals("none", GradientClipping.none().toString());
        assertEquals("clipnorm 1.0", GradientClipping.byNorm(1).toString());
        assertEquals("global_clipnorm 2.5", GradientClipping.byGlobalNorm(2.5).toString());
        assertEquals("clipvalue 0.1", GradientClipping.byValue(0.1).toString());
    }

    static Stream<Arguments> everyKind() {
        return Stream.of(
                Arguments.of("SGD", (Function<List<Parameter>, Optimizer>) p -> new Sgd(p, 0.1, 0, false)),
                Arguments.of("SGD with Nesterov momentum",
                        (Function<List<Parameter>, Optimizer>) p -> new Sgd(p, 0.1, 0.9, true)),
                Arguments.of("RMSprop", (Function<List<Parameter>, Optimizer>) p -> new RmsProp(p, 0.01, 0.9, 0, 1e-7)),
                Arguments.of("RMSprop with momentum",
                        (Function<List<Parameter>, Optimizer>) p -> new RmsProp(p, 0.01, 0.9, 0.5, 1e-7)),
                Arguments.of("Adam", (Function<List<Parameter>, Optimizer>) p -> new Adam(p, 0.01, 0.9, 0.999, 1e-7)),
                Arguments.of("AdamW", (Function<List<Parameter>, Optimizer>)
                        p -> new AdamW(p, 0.01, 0.004, 0.9, 0.999, 1e-7)));
    }

    /**
     * Every kind, clipping, takes the steps it takes unclipped from the gradients clipped beforehand:
     * in float32 on arrays of several chunks (where RMSprop and Adam run their host loops) and in
     * double precision (ND4J's ops).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void everyKindClipsBeforeItsUpdate(String name, Function<List<Parameter>, Optimizer> create) {
        List<GradientClipping> clippings = List.of(GradientClipping.byNorm(3), GradientClipping.byGlobalNorm(4),
                GradientClipping.byValue(0.1));
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (GradientClipping clipping : clippings) {
                Nd4j.getRandom().setSeed(9);
                long[][] shapes = {{2 * HostMemory.CHUNK + 45}, {5, 3}};
                List<Parameter> clipped = new ArrayList<>();
                List<Parameter> byHand = new ArrayList<>();
                for (long[] shape : shapes) {
                    INDArray value = Nd4j.rand(type, shape).subi(0.5);
                    clipped.add(new Parameter("w", value, value.ulike()));
                    byHand.add(new Parameter("w", value.dup(), value.ulike()));
                }
                Optimizer optimizer = create.apply(clipped).clipping(clipping);
                Optimizer reference = create.apply(byHand);
                for (int t = 0; t < 3; t++) {
                    for (int p = 0; p < shapes.length; p++) {
                        INDArray gradient = Nd4j.rand(type, shapes[p]).subi(0.5).muli(t + 1);
                        clipped.get(p).gradient().assign(gradient);
                        byHand.get(p).gradient().assign(gradient);
                    }
                    clipping.apply(byHand);
                    optimizer.step();
                    reference.step();
                }
                for (int p = 0; p < shapes.length; p++) {
                    assertArrayEquals(byHand.get(p).value().data().asDouble(), clipped.get(p).value().data().asDouble(),
                            0, name + ", " + clipping + ", " + type + ": parameter " + p);
                }
            }
        }
    }

    /** The clipping must change the steps of these tests: their gradients exceed every limit. */
    @Test
    void theLimitsOfTheKindTestClip() {
        Nd4j.getRandom().setSeed(9);
        INDArray g = Nd4j.rand(DataType.FLOAT, 2 * HostMemory.CHUNK + 45).subi(0.5);
        assertTrue(g.norm2Number().doubleValue() > 4 && g.amaxNumber().doubleValue() > 0.1);
    }
}
