package dev.lamina.runtime.losses;

import static dev.lamina.runtime.losses.BinaryCrossEntropyTest.array;
import static dev.lamina.runtime.losses.BinaryCrossEntropyTest.rows;
import static dev.lamina.runtime.losses.BinaryCrossEntropyTest.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.GradientAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RegressionLossTest {
    /** Errors 1, -1.5, 0, 3, 1.5, -0.1: a zero, and Huber's both sides of its delta of 1 and the delta itself. */
    private static final double[][] OUTPUTS = {{1.0, -2.0}, {0.5, 3.0}, {2.5, 0.2}};
    private static final double[][] TARGETS = {{0.0, -0.5}, {0.5, 0.0}, {1.0, 0.3}};
    private static final double[] W = {2, 0, 1};

    /*
     * By numpy:
     *   o = np.array([[1.0, -2.0], [0.5, 3.0], [2.5, 0.2]]); t = np.array([[0.0, -0.5], [0.5, 0.0], [1.0, 0.3]])
     *   e = o - t; a = np.abs(e); w = np.array([2, 0, 1.])
     *   mse = (e**2).mean(1); mae = a.mean(1); huber = np.where(a <= 1, 0.5 * e**2, a - 0.5).mean(1)
     *   [(l.mean(), (w * l).sum() / 3) for l in (mse, mae, huber)]
     *   # (2.4183333333333334, 1.46), (1.1833333333333333, 1.1), (0.8341666666666666, 0.6675)
     */
    @Test
    void valuesMatchNumpy() {
        assertValue(Loss.MEAN_SQUARED_ERROR, 2.4183333333333334, 1.46);
        assertValue(Loss.MEAN_ABSOLUTE_ERROR, 1.1833333333333333, 1.1);
        assertValue(Loss.HUBER, 0.8341666666666666, 0.6675);
    }

    private static void assertValue(Loss loss, double plain, double weighted) {
        assertEquals(plain, RegressionLoss.value(loss, array(OUTPUTS), array(TARGETS), null), 1e-12, loss.name());
        assertEquals(weighted, RegressionLoss.value(loss, array(OUTPUTS), array(TARGETS), weights(W)), 1e-12, loss.name());
        assertEquals(weighted, Losses.value(loss, false, array(OUTPUTS), array(TARGETS), weights(W)), 1e-12, loss.name());
    }

    @Test
    void huberIsHalfTheSquareUpToDeltaAndLinearBeyond() {
        INDArray zero = Nd4j.zeros(1, 1);
        double[] errors = {0.5, 1.0, 1.0 + 1e-9, 4.0, -4.0};
        double[] expected = {0.125, 0.5, 0.5 + 1e-9, 3.5, 3.5};
        for (int i = 0; i < errors.length; i++) {
            INDArray output = Nd4j.createFromArray(new double[][] {{errors[i]}});
            assertEquals(expected[i], RegressionLoss.value(Loss.HUBER, output, zero, null), 1e-12, "error " + errors[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"MEAN_SQUARED_ERROR", "MEAN_ABSOLUTE_ERROR", "HUBER"})
    void gradientsMatchFiniteDifferences(Loss loss) {
        // Errors away from 0 (where |e| has no derivative) and from Huber's delta: 0.4, -1.5, 0.7, 3, 1.6, -0.1.
        INDArray outputs = Nd4j.createFromArray(new double[][] {{0.4, -2.0}, {1.2, 3.0}, {2.6, 0.2}});
        INDArray targets = array(TARGETS);
        for (INDArray w : new INDArray[] {null, weights(W), weights(0.5, 3, 1.5)}) {
            INDArray gradient = outputs.ulike();
            RegressionLoss.gradient(loss, outputs, targets, w, gradient);
            GradientAssertions.assertMatches(loss.name(), outputs, gradient,
                    () -> RegressionLoss.value(loss, outputs, targets, w));
        }
    }

    @Test
    void theAbsoluteErrorsGradientAtZeroIsZero() {
        INDArray outputs = Nd4j.createFromArray(new double[][] {{0.5, 2}});
        INDArray targets = Nd4j.createFromArray(new double[][] {{0.5, 1}});
        INDArray gradient = outputs.ulike();
        RegressionLoss.gradient(Loss.MEAN_ABSOLUTE_ERROR, outputs, targets, null, gradient);
        assertEquals(0, gradient.getDouble(0, 0));
        assertEquals(0.5, gradient.getDouble(0, 1), 1e-15);
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"MEAN_SQUARED_ERROR", "MEAN_ABSOLUTE_ERROR", "HUBER"})
    void aWeightOfZeroRemovesASampleAndOfTwoCountsItTwice(Loss loss) {
        double withoutSecond = RegressionLoss.value(loss, rows(OUTPUTS, 0, 2), rows(TARGETS, 0, 2), null);
        assertEquals(withoutSecond * 2 / 3, RegressionLoss.value(loss, array(OUTPUTS), array(TARGETS), weights(1, 0, 1)),
                1e-12);
        double duplicated = RegressionLoss.value(loss, rows(OUTPUTS, 0, 1, 2, 2), rows(TARGETS, 0, 1, 2, 2), null);
        assertEquals(duplicated * 4 / 3, RegressionLoss.value(loss, array(OUTPUTS), array(TARGETS), weights(1, 1, 2)),
                1e-12);
        // The gradient of the duplicated batch, rescaled, is the sum of the weighted one's rows.
        INDArray weighted = array(OUTPUTS).ulike();
        RegressionLoss.gradient(loss, array(OUTPUTS), array(TARGETS), weights(1, 1, 2), weighted);
        INDArray twice = Nd4j.zeros(4, 2);
        RegressionLoss.gradient(loss, rows(OUTPUTS, 0, 1, 2, 2), rows(TARGETS, 0, 1, 2, 2), null, twice);
        assertEquals(twice.getDouble(2, 0) * 2 * 4 / 3, weighted.getDouble(2, 0), 1e-12);
        assertEquals(twice.getDouble(0, 1) * 4 / 3, weighted.getDouble(0, 1), 1e-12);
    }

    @Test
    void aNanOutputOrTargetGivesANanLoss() {
        INDArray outputs = array(OUTPUTS);
        outputs.putScalar(0, 1, Double.NaN);
        INDArray targets = array(TARGETS);
        targets.putScalar(2, 0, Double.NaN);
        for (Loss loss : new Loss[] {Loss.MEAN_SQUARED_ERROR, Loss.MEAN_ABSOLUTE_ERROR, Loss.HUBER}) {
            assertEquals(Double.NaN, RegressionLoss.value(loss, outputs, array(TARGETS), null), loss.name());
            assertEquals(Double.NaN, RegressionLoss.value(loss, array(OUTPUTS), targets, weights(W)), loss.name());
        }
    }

    @Test
    void otherShapesAndLossesAreRefused() {
        INDArray column = Nd4j.createFromArray(new double[][] {{1}, {0}, {1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegressionLoss.value(Loss.MEAN_SQUARED_ERROR, array(OUTPUTS), column, null));
        assertEquals("The outputs [3, 2] and targets [3, 1] must have one shape", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegressionLoss.gradient(Loss.HUBER, array(OUTPUTS),
                Nd4j.createFromArray(new double[] {1, 2, 3, 4, 5, 6}), null, array(OUTPUTS).ulike()));
        IllegalArgumentException crossentropy = assertThrows(IllegalArgumentException.class,
                () -> RegressionLoss.value(Loss.BINARY_CROSSENTROPY, array(OUTPUTS), array(TARGETS), null));
        assertEquals("binary crossentropy is not a regression loss", crossentropy.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RegressionLoss.value(Loss.HUBER, array(OUTPUTS), array(TARGETS), weights(1, 1, 1, 1)));
    }
}
