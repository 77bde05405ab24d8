package dev.lamina.runtime.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.GradientAssertions;
import dev.lamina.runtime.data.OneHot;
import dev.lamina.runtime.kernels.Buffers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class CrossEntropyTest {
    private static final INDArray LABELS = OneHot.encode(new int[] {2, 0}, 3, DataType.DOUBLE);

    @Test
    void lossValuesMatchHandComputation() {
        INDArray p = Nd4j.createFromArray(new double[][] {{0.2, 0.3, 0.5}, {0.6, 0.3, 0.1}});
        assertEquals(-(Math.log(0.5) + Math.log(0.6)) / 2, CrossEntropy.fromProbabilities(p, LABELS), 1e-12);
        // Clipped like Keras: a zero probability costs -log(1e-7), not infinity.
        INDArray certainAndWrong = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {1, 0, 0}});
        assertEquals(-Math.log(1e-7) / 2 - Math.log(1 - 1e-7) / 2, CrossEntropy.fromProbabilities(certainAndWrong, LABELS), 1e-9);

        INDArray z = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {0.5, -1, 2}});
        double first = 3 - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double second = 0.5 - Math.log(Math.exp(0.5) + Math.exp(-1) + Math.exp(2));
        assertEquals(-(first + second) / 2, CrossEntropy.fromLogits(z, LABELS), 1e-12);
        // Stable for large logits.
        assertEquals(0.0, CrossEntropy.fromLogits(Nd4j.createFromArray(new double[][] {{0, 0, 1000}}),
                OneHot.encode(new int[] {2}, 3, DataType.DOUBLE)), 1e-12);
    }

    @Test
    void aViewIsReadAsItsRowsAndFloatsAsTheirValues() {
        // The last, smaller batch of an epoch: the leading rows of larger float buffers.
        INDArray p = Nd4j.createFromArray(new float[][] {{0.2f, 0.3f, 0.5f}, {0.6f, 0.3f, 0.1f}, {0.1f, 0.1f, 0.8f}});
        INDArray labels = OneHot.encode(new int[] {2, 0, 0}, 3, DataType.FLOAT);
        assertEquals(-(Math.log(0.5f) + Math.log(0.6f)) / 2,
                CrossEntropy.fromProbabilities(Buffers.rows(p, 2), Buffers.rows(labels, 2)), 1e-9);
        INDArray z = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {0.5f, -1, 2}, {9, 9, 9}});
        double first = 3 - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double second = 0.5 - Math.log(Math.exp(0.5) + Math.exp(-1) + Math.exp(2));
        assertEquals(-(first + second) / 2, CrossEntropy.fromLogits(Buffers.rows(z, 2), Buffers.rows(labels, 2)), 1e-6);
    }

    @Test
    void aNanProbabilityGivesANanLossNotAClippedOne() {
        INDArray p = Nd4j.createFromArray(new double[][] {{0.2, Double.NaN, 0.5}, {0.6, 0.3, 0.1}});
        assertEquals(Double.NaN, CrossEntropy.fromProbabilities(p, LABELS));
        INDArray z = Nd4j.createFromArray(new double[][] {{1, Double.NaN, 3}, {0.5, -1, 2}});
        assertEquals(Double.NaN, CrossEntropy.fromLogits(z, LABELS));
    }

    @Test
    void probabilityGradientMatchesFiniteDifferences() {
        INDArray p = Nd4j.createFromArray(new double[][] {{0.2, 0.3, 0.5}, {0.6, 0.3, 0.1}});
        INDArray gradient = p.ulike();
        CrossEntropy.probabilityGradient(p, LABELS, gradient);
        GradientAssertions.assertMatches("probabilities", p, gradient, () -> CrossEntropy.fromProbabilities(p, LABELS));
    }

    @Test
    void logitsGradientMatchesFiniteDifferences() {
        INDArray z = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {0.5, -1, 2}});
        INDArray gradient = z.ulike();
        CrossEntropy.logitsGradient(z, LABELS, gradient);
        GradientAssertions.assertMatches("logits", z, gradient, () -> CrossEntropy.fromLogits(z, LABELS));
    }

    @Test
    void fusedSoftmaxGradientIsTheGradientWithRespectToTheLogits() {
        INDArray z = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {0.5, -1, 2}});
        INDArray gradient = z.ulike();
        CrossEntropy.softmaxGradient(softmax(z), LABELS, gradient);
        GradientAssertions.assertMatches("logits", z, gradient, () -> CrossEntropy.fromProbabilities(softmax(z), LABELS));
    }

    /**
     * Float arrays in host memory take a Java loop, double ones ND4J's ops: both give the gradient
     * with respect to the logits, here into the leading rows of a larger buffer (an epoch's last batch).
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void floatGradientIntoLeadingRowsMatchesTheDoubleOne(boolean fromLogits) {
        Nd4j.getRandom().setSeed(3);
        INDArray z = Nd4j.rand(DataType.DOUBLE, 3, 4).subi(0.5).muli(8);
        INDArray labels = OneHot.encode(new int[] {1, 3, 0}, 4, DataType.DOUBLE);
        INDArray outputs = fromLogits ? z : softmax(z);
        INDArray expected = z.ulike();
        if (fromLogits) {
            CrossEntropy.logitsGradient(outputs, labels, expected);
        } else {
            CrossEntropy.softmaxGradient(outputs, labels, expected);
        }

        INDArray outputsBuffer = Nd4j.zeros(DataType.FLOAT, 5, 4);
        outputsBuffer.get(NDArrayIndex.interval(0, 3)).assign(outputs);
        INDArray labelsBuffer = Nd4j.zeros(DataType.FLOAT, 5, 4);
        labelsBuffer.get(NDArrayIndex.interval(0, 3)).assign(labels);
        INDArray gradientBuffer = Nd4j.valueArrayOf(new long[] {5, 4}, 7f, DataType.FLOAT);
        INDArray gradient = Buffers.rows(gradientBuffer, 3);
        if (fromLogits) {
            CrossEntropy.logitsGradient(Buffers.rows(outputsBuffer, 3), Buffers.rows(labelsBuffer, 3), gradient);
        } else {
            CrossEntropy.softmaxGradient(Buffers.rows(outputsBuffer, 3), Buffers.rows(labelsBuffer, 3), gradient);
        }
        assertTrue(expected.equalsWithEps(gradient.castTo(DataType.DOUBLE), 1e-6),
                "expected " + expected + " but was " + gradient);
        assertEquals(7f, gradientBuffer.getFloat(3, 0), "the row after the batch is untouched");
    }

    @Test
    void labelsOfAnotherShapeAreRefusedByName() {
        INDArray p = Nd4j.rand(DataType.FLOAT, 4, 3);
        INDArray classIndices = Nd4j.createFromArray(new float[][] {{0}, {2}, {1}, {1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossEntropy.softmaxGradient(p, classIndices, p.ulike()));
        assertEquals("The outputs [4, 3], labels [4, 1] and gradient [4, 3] must have one shape", e.getMessage());
    }

    /*
     * By numpy, for p below, z below, labels [2, 0] and weights [2, 0.5]:
     *   -(2 * np.log(0.5) + 0.5 * np.log(0.6)) / 2                               # 0.820853586501443
     *   lse = lambda r: np.log(np.exp(r).sum()); z = [[1, 2, 3], [0.5, -1, 2]]
     *   (2 * (lse(z[0]) - 3) + 0.5 * (lse(z[1]) - 0.5)) / 2                   # 0.8429337886086694
     */
    @Test
    void weightedLossValuesMatchNumpy() {
        INDArray p = Nd4j.createFromArray(new double[][] {{0.2, 0.3, 0.5}, {0.6, 0.3, 0.1}});
        INDArray w = Nd4j.createFromArray(2.0, 0.5);
        assertEquals(0.820853586501443, CrossEntropy.fromProbabilities(p, LABELS, w), 1e-12);
        INDArray z = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {0.5, -1, 2}});
        assertEquals(0.8429337886086694, CrossEntropy.fromLogits(z, LABELS, w), 1e-12);
        // A weight of 0 leaves the other sample's loss over the batch of 2.
        INDArray onlyFirst = Nd4j.createFromArray(1.0, 0.0);
        assertEquals(-Math.log(0.5) / 2, CrossEntropy.fromProbabilities(p, LABELS, onlyFirst), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> CrossEntropy.fromLogits(z, LABELS, Nd4j.createFromArray(1.0, 1.0, 1.0)));
    }

    /** Each weighted gradient, double (ND4J's ops) and float (the Java loop), against finite differences. */
    @ParameterizedTest
    @ValueSource(strings = {"probability", "softmax", "logits"})
    void weightedGradientsMatchFiniteDifferences(String kind) {
        INDArray z = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {0.5, -1, 2}, {0, 0.3, -0.2}});
        INDArray labels = OneHot.encode(new int[] {2, 0, 1}, 3, DataType.DOUBLE);
        INDArray w = Nd4j.createFromArray(2.0, 0.0, 0.5);
        INDArray gradient = z.ulike();
        switch (kind) {
            case "probability" -> {
                INDArray p = softmax(z);
                CrossEntropy.probabilityGradient(p, labels, w, gradient);
                GradientAssertions.assertMatches("probabilities", p, gradient,
                        () -> CrossEntropy.fromProbabilities(p, labels, w));
            }
            case "softmax" -> {
                CrossEntropy.softmaxGradient(softmax(z), labels, w, gradient);
                GradientAssertions.assertMatches("logits", z, gradient,
                        () -> CrossEntropy.fromProbabilities(softmax(z), labels, w));
            }
            default -> {
                CrossEntropy.logitsGradient(z, labels, w, gradient);
                GradientAssertions.assertMatches("logits", z, gradient, () -> CrossEntropy.fromLogits(z, labels, w));
            }
        }
        assertEquals(0, gradient.getRow(1).norm1Number().doubleValue(), "a sample of weight 0 has no gradient");
        if (!kind.equals("probability")) {
            INDArray floats = z.castTo(DataType.FLOAT);
            INDArray floatGradient = floats.ulike();
            if (kind.equals("softmax")) {
                CrossEntropy.softmaxGradient(softmax(floats), labels.castTo(DataType.FLOAT), w, floatGradient);
            } else {
                CrossEntropy.logitsGradient(floats, labels.castTo(DataType.FLOAT), w, floatGradient);
            }
            assertTrue(gradient.equalsWithEps(floatGradient.castTo(DataType.DOUBLE), 1e-6),
                    "double " + gradient + " but float " + floatGradient);
        }
    }

    @Test
    void aWeightOfTwoIsTheSampleDuplicated() {
        INDArray z = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {0.5, -1, 2}});
        INDArray duplicated = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {1, 2, 3}, {0.5, -1, 2}});
        INDArray duplicatedLabels = OneHot.encode(new int[] {2, 2, 0}, 3, DataType.DOUBLE);
        // Keras divides by the batch: 3 samples duplicated, 2 weighted.
        assertEquals(CrossEntropy.fromLogits(duplicated, duplicatedLabels) * 3 / 2,
                CrossEntropy.fromLogits(z, LABELS, Nd4j.createFromArray(2.0, 1.0)), 1e-12);
    }

    private static INDArray softmax(INDArray z) {
        INDArray p = z.ulike();
        Nd4j.exec(new SoftMax(z, p, 1));
        return p;
    }
}
