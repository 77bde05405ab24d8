package dev.lamina.runtime.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Two steps of each optimizer against the same steps computed here in plain doubles from Keras 3's
 * formulas (keras/src/optimizers/{sgd,rmsprop,adam}.py).
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
        INDArray value = Nd4j.createFromArray(START.clone());
        INDArray gradient = value.ulike();
        Optimizer optimizer = create.apply(List.of(new Parameter("w", value, gradient)));
        double[] expected = START.clone();
        double[][] state = new double[2][START.length];
        for (int t = 1; t <= GRADIENTS.length; t++) {
            gradient.assign(Nd4j.createFromArray(GRADIENTS[t - 1].clone()));
            optimizer.step();
            reference.apply(expected, GRADIENTS[t - 1], state, t);
            assertArrayEquals(expected, value.toDoubleVector(), 1e-12, "after step " + t);
        }
        assertEquals(GRADIENTS.length, optimizer.iterations());
    }
}
