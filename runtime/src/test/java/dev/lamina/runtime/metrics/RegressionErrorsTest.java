package dev.lamina.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RegressionErrorsTest {
    /** Three samples of four outputs, then one: batches of unequal size. */
    private static final float[] OUTPUTS = {0.5f, -1.25f, 3.0f, 2.0f, 0.0f, 0.75f, 1.5f, -2.0f, 4.5f, 0.25f, 1.0f,
        -0.5f, 2.0f, 2.0f, -3.0f, 0.125f};
    private static final float[] TARGETS = {1.0f, -1.0f, 2.5f, 2.0f, 0.5f, -0.25f, 1.0f, 0.0f, 5.0f, 0.0f, 1.5f,
        0.5f, 1.0f, 2.0f, -3.5f, 0.0f};

    @Test
    void averagesOverEveryElementAsKeras() {
        // numpy: o, g = np.array(OUTPUTS[:12]), np.array(TARGETS[:12]); d = o - g
        // np.mean(np.abs(d)) -> 0.625; np.sqrt(np.mean(d * d)) -> 0.7971302695712079
        RegressionErrors errors = new RegressionErrors();
        errors.add(Arrays.copyOf(OUTPUTS, 12), Arrays.copyOf(TARGETS, 12));
        assertEquals(12, errors.count());
        assertEquals(0.625, errors.meanAbsoluteError(), 1e-12);
        assertEquals(0.7971302695712079, errors.rootMeanSquaredError(), 1e-12);
    }

    @Test
    void batchesOfUnequalSizeEqualOnePass() {
        RegressionErrors whole = new RegressionErrors();
        whole.add(OUTPUTS, TARGETS);
        RegressionErrors batched = new RegressionErrors();
        batched.add(Arrays.copyOfRange(OUTPUTS, 0, 12), Arrays.copyOfRange(TARGETS, 0, 12));
        batched.add(Arrays.copyOfRange(OUTPUTS, 12, 16), Arrays.copyOfRange(TARGETS, 12, 16));
        // By hand: absolute errors sum 7.5 + 1 + 0 + 0.5 + 0.125 = 9.125 over 16 elements; squares
        // sum 7.625 + 1 + 0 + 0.25 + 0.015625 = 8.890625. A mean of the two batch means would give
        // (0.625 + 0.40625) / 2 instead.
        assertEquals(9.125 / 16, whole.meanAbsoluteError(), 1e-12);
        assertEquals(Math.sqrt(8.890625 / 16), whole.rootMeanSquaredError(), 1e-12);
        assertEquals(whole.meanAbsoluteError(), batched.meanAbsoluteError(), 1e-15);
        assertEquals(whole.rootMeanSquaredError(), batched.rootMeanSquaredError(), 1e-15);
        assertEquals(16, batched.count());
    }

    @Test
    void isZeroBeforeAnyOutput() {
        RegressionErrors errors = new RegressionErrors();
        assertEquals(0.0, errors.meanAbsoluteError());
        assertEquals(0.0, errors.rootMeanSquaredError());
    }
}
