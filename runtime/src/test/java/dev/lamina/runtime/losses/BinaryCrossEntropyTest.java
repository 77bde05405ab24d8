package dev.lamina.runtime.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.runtime.GradientAssertions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

class BinaryCrossEntropyTest {
    private static final double[][] P = {{0.9, 0.2}, {0.4, 0.7}, {0.05, 0.5}};
    private static final double[][] Z = {{2.0, -1.0}, {0.5, 3.0}, {-4.0, 0.0}};
    private static final double[][] Y = {{1, 0}, {0, 1}, {1, 1}};
    private static final double[] W = {2, 0, 1};

    /*
     * The expected values, by numpy:
     *   p = np.array([[0.9, 0.2], [0.4, 0.7], [0.05, 0.5]]); y = np.array([[1, 0], [0, 1], [1, 1.]])
     *   z = np.array([[2.0, -1.0], [0.5, 3.0], [-4.0, 0.0]]); w = np.array([2, 0, 1.])
     *   per = lambda q: -(y * np.log(q) + (1 - y) * np.log(1 - q)).mean(1)
     *   per(p).mean(), (w * per(p)).sum() / 3                     # 0.8141473481317826, 0.724314598009668
     *   s = 1 / (1 + np.exp(-z)); per(s).mean(), (w * per(s)).sum() / 3   # 1.0290251904654666, 0.9319460842666909
     */
    @Test
    void valuesMatchNumpy() {
        assertEquals(0.8141473481317826, BinaryCrossEntropy.fromProbabilities(array(P), array(Y), null), 1e-12);
        assertEquals(0.724314598009668, BinaryCrossEntropy.fromProbabilities(array(P), array(Y), weights(W)), 1e-12);
        assertEquals(1.0290251904654666, BinaryCrossEntropy.fromLogits(array(Z), array(Y), null), 1e-12);
        assertEquals(0.9319460842666909, BinaryCrossEntropy.fromLogits(array(Z), array(Y), weights(W)), 1e-12);
        // Losses picks the same formulas.
        assertEquals(0.8141473481317826, Losses.value(dev.lamina.dsl.Loss.BINARY_CROSSENTROPY, false, array(P),
                array(Y), null), 1e-12);
        assertEquals(0.9319460842666909, Losses.value(dev.lamina.dsl.Loss.BINARY_CROSSENTROPY, true, array(Z),
                array(Y), weights(W)), 1e-12);
    }

    @Test
    void probabilitiesAreClippedAndLogitsStable() {
        // Clipped as Keras clips: certain and wrong costs -log(1e-7), certain and right -log(1 - 1e-7).
        INDArray certain = Nd4j.createFromArray(new double[][] {{0, 1}});
        assertEquals((-Math.log(1e-7) - Math.log(1 - 1e-7)) / 2,
                BinaryCrossEntropy.fromProbabilities(certain, Nd4j.createFromArray(new double[][] {{1, 1}}), null), 1e-9);
        // A logit of 1000 for a 1 costs nothing, of -1000 for a 1 costs 1000: no overflow to infinity or NaN.
        INDArray huge = Nd4j.createFromArray(new double[][] {{1000, -1000}});
        assertEquals(500, BinaryCrossEntropy.fromLogits(huge, Nd4j.createFromArray(new double[][] {{1, 1}}), null), 1e-9);
        assertEquals(0, BinaryCrossEntropy.fromLogits(huge, Nd4j.createFromArray(new double[][] {{1, 0}}), null), 1e-12);
    }

    @Test
    void aNanOutputGivesANanLoss() {
        INDArray p = array(P);
        p.putScalar(1, 1, Double.NaN);
        assertEquals(Double.NaN, BinaryCrossEntropy.fromProbabilities(p, array(Y), null));
        INDArray z = array(Z);
        z.putScalar(2, 0, Double.NaN);
        assertEquals(Double.NaN, BinaryCrossEntropy.fromLogits(z, array(Y), null));
        assertEquals(Double.NaN, BinaryCrossEntropy.fromLogits(z, array(Y), weights(W)));
    }

    @Test
    void sigmoidGradientIsTheGradientWithRespectToTheLogits() {
        INDArray z = array(Z);
        for (INDArray w : new INDArray[] {null, weights(W), weights(0.5, 3, 1.5)}) {
            INDArray gradient = z.ulike();
            BinaryCrossEntropy.sigmoidGradient(Transforms.sigmoid(z, true), array(Y), w, gradient);
            GradientAssertions.assertMatches("logits", z, gradient,
                    () -> BinaryCrossEntropy.fromProbabilities(Transforms.sigmoid(z, true), array(Y), w));
        }
    }

    @Test
    void logitsGradientMatchesFiniteDifferences() {
        INDArray z = array(Z);
        for (INDArray w : new INDArray[] {null, weights(W), weights(0.5, 3, 1.5)}) {
            INDArray gradient = z.ulike();
            BinaryCrossEntropy.logitsGradient(z, array(Y), w, gradient);
            GradientAssertions.assertMatches("logits", z, gradient, () -> BinaryCrossEntropy.fromLogits(z, array(Y), w));
        }
        // Fractional targets (label smoothing, soft labels) have the same gradient formula.
        INDArray soft = Nd4j.createFromArray(new double[][] {{0.9, 0.1}, {0.3, 0.6}, {0.5, 1}});
        INDArray gradient = z.ulike();
        BinaryCrossEntropy.logitsGradient(z, soft, null, gradient);
        GradientAssertions.assertMatches("logits", z, gradient, () -> BinaryCrossEntropy.fromLogits(z, soft, null));
    }

    @Test
    void aWeightOfZeroRemovesASampleAndOfTwoCountsItTwice() {
        // Keras' reduction divides by the batch: a weight of 0 leaves the sum of the others over 3 samples,
        // a weight of 2 is the sample duplicated, the sum over the 4 samples then divided by 3.
        double withoutSecond = BinaryCrossEntropy.fromLogits(rows(Z, 0, 2), rows(Y, 0, 2), null);
        assertEquals(withoutSecond * 2 / 3, BinaryCrossEntropy.fromLogits(array(Z), array(Y), weights(1, 0, 1)), 1e-12);
        double duplicated = BinaryCrossEntropy.fromProbabilities(rows(P, 0, 0, 1, 2), rows(Y, 0, 0, 1, 2), null);
        assertEquals(duplicated * 4 / 3, BinaryCrossEntropy.fromProbabilities(array(P), array(Y), weights(2, 1, 1)),
                1e-12);

        INDArray weighted = array(Z).ulike();
        BinaryCrossEntropy.logitsGradient(array(Z), array(Y), weights(2, 0, 1), weighted);
        assertEquals(0, weighted.getRow(1).norm1Number().doubleValue(), "a sample of weight 0 has no gradient");
        INDArray plain = array(Z).ulike();
        BinaryCrossEntropy.logitsGradient(array(Z), array(Y), null, plain);
        assertEquals(plain.getDouble(0, 1) * 2, weighted.getDouble(0, 1), 1e-15);
        assertEquals(plain.getDouble(2, 0), weighted.getDouble(2, 0), 1e-15);
    }

    @Test
    void otherShapesAndWeightCountsAreRefused() {
        INDArray column = Nd4j.createFromArray(new double[][] {{1}, {0}, {1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinaryCrossEntropy.fromProbabilities(array(P), column, null));
        assertEquals("The outputs [3, 2] and targets [3, 1] must have one shape", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BinaryCrossEntropy.fromLogits(array(Z), column, null));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryCrossEntropy.sigmoidGradient(array(P), column, null, array(P).ulike()));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryCrossEntropy.logitsGradient(array(Z), column, null, array(Z).ulike()));
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> BinaryCrossEntropy.fromLogits(array(Z), array(Y), weights(1, 2)));
        assertEquals("The sample weights [2] must have one value per sample of the batch of 3", weights.getMessage());
    }

    @Test
    void aViewOfLeadingRowsIsReadAsItsRows() {
        INDArray buffer = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 2);
        buffer.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all()).assign(array(Z));
        INDArray targets = Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 2);
        targets.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all()).assign(array(Y));
        assertEquals(1.0290251904654666, BinaryCrossEntropy.fromLogits(buffer.get(NDArrayIndex.interval(0, 3),
                NDArrayIndex.all()), targets.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all()), null), 1e-6);
    }

    static INDArray array(double[][] values) {
        return Nd4j.createFromArray(values);
    }

    static INDArray weights(double... values) {
        return Nd4j.createFromArray(values);
    }

    /** The given rows of {@code values}, in that order. */
    static INDArray rows(double[][] values, int... rows) {
        double[][] selected = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return Nd4j.createFromArray(selected);
    }
}
