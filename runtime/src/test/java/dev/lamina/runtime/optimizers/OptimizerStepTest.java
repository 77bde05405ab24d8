package dev.lamina.runtime.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.kernels.HostMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Two steps of each optimizer against the same steps computed here in plain doubles from Keras 3's
 * formulas (keras/src/optimizers/{sgd,rmsprop,adam,adamw}.py): in double precision, where ND4J's ops
 * run, and in single precision, where RMSprop and Adam run their {@link HostLoop}s; and the two ways
 * against each other on arrays of several chunks.
 */
class OptimizerStepTest {
    private static final double[] START = {0.5, -1.0, 2.0};
    private static final double[][] GRADIENTS = {{0.1, -0.2, 0.3}, {-0.05, 0.4, 1e-4}};

    @Test
    void sgdWithoutMomentum() {
        assertSteps(p -> new Sgd(p, 0.01, 0, false), (w, g, state, t) -> {
            for (int i = 0; i < w.length; i++) {
                w[i] -= 0.01 * g[i];
            }
        });
    }

    @Test
    void sgdWithMomentum() {
        assertSteps(p -> new Sgd(p, 0.05, 0.9, false), (w, g, state, t) -> {
            for (int i = 0; i < w.length; i++) {
                state[0][i] = 0.9 * state[0][i] - 0.05 * g[i];
                w[i] += state[0][i];
            }
        });
    }

    @Test
    void sgdWithNesterovMomentum() {
        assertSteps(p -> new Sgd(p, 0.05, 0.9, true), (w, g, state, t) -> {
            for (int i = 0; i < w.length; i++) {
                state[0][i] = 0.9 * state[0][i] - 0.05 * g[i];
                w[i] += 0.9 * state[0][i] - 0.05 * g[i];
            }
        });
    }

    @Test
    void rmsPropWithKerasDefaults() {
        assertSteps(p -> new RmsProp(p, 0.001, 0.9, 0, 1e-7), (w, g, state, t) -> {
            for (int i = 0; i < w.length; i++) {
                state[0][i] = 0.9 * state[0][i] + 0.1 * g[i] * g[i];
                w[i] -= 0.001 * g[i] / Math.sqrt(state[0][i] + 1e-7);
            }
        });
    }

    @Test
    void rmsPropWithMomentum() {
        assertSteps(p -> new RmsProp(p, 0.01, 0.8, 0.5, 1e-3), (w, g, state, t) -> {
            for (int i = 0; i < w.length; i++) {
                state[0][i] = 0.8 * state[0][i] + 0.2 * g[i] * g[i];
                state[1][i] = 0.5 * state[1][i] + 0.01 * g[i] / Math.sqrt(state[0][i] + 1e-3);
                w[i] -= state[1][i];
            }
        });
    }

    @Test
    void adamWithKerasDefaults() {
        assertSteps(p -> new Adam(p, 0.001, 0.9, 0.999, 1e-7), adam(0.001, 0.9, 0.999, 1e-7));
    }

    @Test
    void adamWithOtherSettings() {
        assertSteps(p -> new Adam(p, 0.02, 0.5, 0.9, 1e-3), adam(0.02, 0.5, 0.9, 1e-3));
    }

    @Test
    void adamWDecaysEachWeightBeforeAdamsUpdate() {
        Step adam = adam(0.01, 0.9, 0.999, 1e-7);
        assertSteps(p -> new AdamW(p, 0.01, 0.1, 0.9, 0.999, 1e-7), (w, g, state, t) -> {
            for (int i = 0; i < w.length; i++) {
                w[i] -= w[i] * 0.1 * 0.01;
            }
            adam.apply(w, g, state, t);
        });
    }

    /**
     * Three AdamW steps against numbers numpy gave for Keras 3's order (base_optimizer.py's
     * {@code _backend_apply_gradients}: clip, {@code _apply_weight_decay}, then adam.py's update_step):
     * <pre>
     * w = np.array([0.5, -1.0, 2.0]); m = np.zeros(3); v = np.zeros(3); lr, wd = 0.01, 0.1
     * for t, g in enumerate(grads, start=1):   # grads: the three rows below
     *     g = np.array(g); w = w - w * wd * lr
     *     alpha = lr * np.sqrt(1 - 0.999**t) / (1 - 0.9**t)
     *     m += (g - m) * 0.1; v += (g * g - v) * 0.001
     *     w = w - alpha * m / (np.sqrt(v) + 1e-7)
     * </pre>
     */
    @Test
    void adamWAgainstNumpy() {
        double[][] grads = {{0.1, -0.2, 0.3}, {-0.05, 0.4, 1e-4}, {0.2, 0.0, -0.3}};
        double[][] expected = {
                {0.48950031621776635, -0.9890001581113831, 1.9880001054081442},
                {0.48634752086445365, -0.9916721673337954, 1.9793091121280006},
                {0.47928014818728143, -0.9935104660183393, 1.9781871179372734}};
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray value = Nd4j.createFromArray(START.clone()).castTo(type);
            INDArray gradient = value.ulike();
            Optimizer optimizer = new AdamW(List.of(new Parameter("w", value, gradient)), 0.01, 0.1, 0.9, 0.999, 1e-7);
            for (int t = 0; t < grads.length; t++) {
                gradient.assign(Nd4j.createFromArray(grads[t].clone()));
                optimizer.step();
                assertArrayEquals(expected[t], value.toDoubleVector(), type == DataType.DOUBLE ? 1e-12 : 1e-6,
                        type + ", after step " + (t + 1));
            }
        }
    }

    /** Keras 3 decays for every optimizer given a weight_decay, as SGD here: {@code w -= w wd lr; w -= lr g}. */
    @Test
    void everyKindDecaysItsWeightsWhenGivenAWeightDecay() {
        assertSteps(p -> new Sgd(p, 0.05, 0, false).weightDecay(0.2), (w, g, state, t) -> {
            for (int i = 0; i < w.length; i++) {
                w[i] -= w[i] * 0.2 * 0.05;
                w[i] -= 0.05 * g[i];
            }
        });
    }

    /**
     * A moment whose gradient has stopped decays towards zero; once below the smallest normal float
     * it is swept to zero (as a CPU flushing subnormals would), and normal values are left alone.
     */
    @Test
    void subnormalMomentsAreFlushedToZeroAndNormalOnesKept() {
        INDArray value = Nd4j.createFromArray(1f, 1f);
        INDArray gradient = value.ulike();
        Optimizer optimizer = new Adam(List.of(new Parameter("w", value, gradient)), 0.001, 0.9, 0.999, 1e-7);
        INDArray firstMoment = optimizer.state().get(0);
        firstMoment.assign(Nd4j.createFromArray(1e-37f, 1e-3f));
        float[] expected = {1e-37f, 1e-3f};
        for (int t = 1; t <= Optimizer.SUBNORMAL_SWEEP_INTERVAL; t++) {
            gradient.assign(0); // a step overwrites the gradient with its update
            optimizer.step(); // a zero gradient: m *= 0.9
            for (int i = 0; i < expected.length; i++) {
                expected[i] *= 0.9f;
            }
            if (t == Optimizer.SUBNORMAL_SWEEP_INTERVAL - 1) {
                // Not swept yet: the first value is subnormal by now.
                assertTrue(Math.abs(firstMoment.getFloat(0)) < Float.MIN_NORMAL && firstMoment.getFloat(0) != 0,
                        "first moment before the sweep: " + firstMoment);
            }
        }
        assertEquals(0f, firstMoment.getFloat(0), "a subnormal moment after the sweep");
        assertEquals(expected[1], firstMoment.getFloat(1), 1e-9f, "a normal moment after the sweep");
    }

    private static Step adam(double lr, double beta1, double beta2, double epsilon) {
        return (w, g, state, t) -> {
            double alpha = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
            for (int i = 0; i < w.length; i++) {
                state[0][i] += (g[i] - state[0][i]) * (1 - beta1);
                state[1][i] += (g[i] * g[i] - state[1][i]) * (1 - beta2);
                w[i] -= alpha * state[0][i] / (Math.sqrt(state[1][i]) + epsilon);
            }
        };
    }

    /** One step of the reference: updates {@code w} and {@code state} in place; t counts from 1. */
    private interface Step {
        void apply(double[] w, double[] g, double[][] state, int t);
    }

    private static void assertSteps(Function<List<Parameter>, Optimizer> create, Step reference) {
        assertSteps(create, reference, DataType.DOUBLE, 1e-12);
        assertSteps(create, reference, DataType.FLOAT, 1e-6);
    }

    private static void assertSteps(Function<List<Parameter>, Optimizer> create, Step reference, DataType type,
                                    double tolerance) {
        INDArray value = Nd4j.createFromArray(START.clone()).castTo(type);
        INDArray gradient = value.ulike();
        Optimizer optimizer = create.apply(List.of(new Parameter("w", value, gradient)));
        double[] expected = START.clone();
        double[][] state = new double[2][START.length];
        for (int t = 1; t <= GRADIENTS.length; t++) {
            gradient.assign(Nd4j.createFromArray(GRADIENTS[t - 1].clone()));
            optimizer.step();
            reference.apply(expected, GRADIENTS[t - 1], state, t);
            assertArrayEquals(expected, value.toDoubleVector(), tolerance, type + ", after step " + t);
        }
        assertEquals(GRADIENTS.length, optimizer.iterations());
    }

    @Test
    void hostLoopsRunOnPlainFloatArraysOfTheCpuBackendOnly() {
        INDArray floats = Nd4j.rand(DataType.FLOAT, 3, 5);
        boolean[] written = {true, true};
        assertNotNull(HostLoop.of(new INDArray[] {floats, floats.ulike()}, written));
        // A new array reshaped, as generated networks' kernels are, still fills its own buffer.
        assertNotNull(HostLoop.of(new INDArray[] {floats, Nd4j.rand(DataType.FLOAT, 15).reshape('c', 3, 5)}, written));
        assertNull(HostLoop.of(new INDArray[] {floats, Nd4j.rand(DataType.DOUBLE, 3, 5)}, written), "double precision");
        INDArray wide = Nd4j.rand(DataType.FLOAT, 3, 10);
        assertNull(HostLoop.of(new INDArray[] {floats, wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 5))},
                written), "a view");
        assertNull(HostLoop.of(new INDArray[] {floats, Nd4j.rand(DataType.FLOAT, 'f', 3, 5)}, written), "column-major");
    }

    /** Settings of RMSprop and Adam: the loop and ND4J's ops must take the same steps with each. */
    static Stream<Arguments> loopedOptimizers() {
        return Stream.of(
                Arguments.of("RMSprop", (BiFunction<List<Parameter>, Boolean, Optimizer>)
                        (p, loops) -> new RmsProp(p, 0.001, 0.9, 0, 1e-7, loops)),
                Arguments.of("RMSprop with momentum", (BiFunction<List<Parameter>, Boolean, Optimizer>)
                        (p, loops) -> new RmsProp(p, 0.01, 0.8, 0.5, 1e-3, loops)),
                Arguments.of("Adam", (BiFunction<List<Parameter>, Boolean, Optimizer>)
                        (p, loops) -> new Adam(p, 0.001, 0.9, 0.999, 1e-7, loops)),
                Arguments.of("Adam, other settings", (BiFunction<List<Parameter>, Boolean, Optimizer>)
                        (p, loops) -> new Adam(p, 0.02, 0.5, 0.9, 1e-3, loops)),
                Arguments.of("AdamW", (BiFunction<List<Parameter>, Boolean, Optimizer>)
                        (p, loops) -> new AdamW(p, 0.001, 0.004, 0.9, 0.999, 1e-7, loops)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopedOptimizers")
    void hostLoopsAndNd4jOpsTakeTheSameSteps(String name, BiFunction<List<Parameter>, Boolean, Optimizer> create) {
        // Two parameters, one longer than two chunks and not a multiple of one.
        long[][] shapes = {{2 * HostMemory.CHUNK + 123}, {7, 3}};
        Nd4j.getRandom().setSeed(5);
        List<Parameter> looped = new ArrayList<>();
        List<Parameter> withOps = new ArrayList<>();
        for (long[] shape : shapes) {
            INDArray value = Nd4j.rand(DataType.FLOAT, shape).subi(0.5);
            looped.add(new Parameter("w", value, value.ulike()));
            withOps.add(new Parameter("w", value.dup(), value.ulike()));
        }
        Optimizer loop = create.apply(looped, true);
        Optimizer ops = create.apply(withOps, false);
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < shapes.length; p++) {
                INDArray gradient = Nd4j.rand(DataType.FLOAT, shapes[p]).subi(0.5).muli(t + 1);
                looped.get(p).gradient().assign(gradient);
                withOps.get(p).gradient().assign(gradient);
            }
            loop.step();
            ops.step();
        }
        for (int p = 0; p < shapes.length; p++) {
            assertClose(withOps.get(p).value(), looped.get(p).value(), name + ": parameter " + p);
        }
        for (int s = 0; s < ops.state().size(); s++) {
            assertClose(ops.state().get(s), loop.state().get(s), name + ": state array " + s);
        }
    }

    /**
     * An optimizer decides on its loops when it is built; switched off after that, it must take
     * ND4J's steps, exactly those of one built without loops.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("loopedOptimizers")
    void loopsSwitchedOffAfterTheOptimizerIsBuiltTakeNd4jSteps(String name,
                                                               BiFunction<List<Parameter>, Boolean, Optimizer> create) {
        Nd4j.getRandom().setSeed(6);
        INDArray start = Nd4j.rand(DataType.FLOAT, 2 * HostMemory.CHUNK + 123).subi(0.5);
        Parameter looped = new Parameter("w", start.dup(), start.ulike());
        Parameter withOps = new Parameter("w", start.dup(), start.ulike());
        Optimizer built = create.apply(List.of(looped), true);
        Optimizer ops = create.apply(List.of(withOps), false);
        String before = System.getProperty(HostMemory.LOOPS_PROPERTY);
        try {
            System.setProperty(HostMemory.LOOPS_PROPERTY, "false");
            for (int t = 0; t < 3; t++) {
                INDArray gradient = Nd4j.rand(DataType.FLOAT, start.shape()).subi(0.5);
                looped.gradient().assign(gradient);
                withOps.gradient().assign(gradient);
                built.step();
                ops.step();
            }
        } finally {
            if (before == null) {
                System.clearProperty(HostMemory.LOOPS_PROPERTY);
            } else {
                System.setProperty(HostMemory.LOOPS_PROPERTY, before);
            }
        }
        assertArrayEquals(withOps.value().toFloatVector(), looped.value().toFloatVector(), name);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double[] e = expected.data().asDouble();
        double[] a = actual.data().asDouble();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-6 + 1e-5 * Math.abs(e[i]), what + " at " + i);
        }
    }
}
