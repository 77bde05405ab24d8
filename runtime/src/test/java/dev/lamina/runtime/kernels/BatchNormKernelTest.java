package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.GradientAssertions;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalization against numbers numpy computed with Keras' formulas (x of (2, 2, 3): the
 * statistics of each of 3 channels over 4 values), in both precisions, with the Java loops over host
 * memory on and off; its gradients against finite differences.
 */
class BatchNormKernelTest {
    private static final double[] X = {0.5, -1.0, 2.0, 1.5, 0.0, -2.0, -0.5, 3.0, 1.0, 2.5, 1.0, 0.0};
    private static final double[] GAMMA = {1.5, -0.5, 2.0};
    private static final double[] BETA = {0.1, 0.2, -0.3};
    private static final double[] MOVING_MEAN = {0.5, -1.0, 2.0};
    private static final double[] MOVING_VARIANCE = {2.0, 0.5, 1.0};
    private static final double EPSILON = 1e-3;
    private static final double MOMENTUM = 0.9;

    // numpy: mean = x.mean(axis=(0, 1)); var = x.var(axis=(0, 1)) (biased, as Keras' ops.moments);
    // gamma * (x - mean) / np.sqrt(var + eps) + beta; the moving ones likewise; moving * 0.9 + batch * 0.1.
    private static final double[] BATCH_MEAN = {1.0, 0.75, 0.25};
    private static final double[] BATCH_VARIANCE = {1.25, 2.1875, 2.1875};
    private static final double[] TRAINING_Y = {-0.5705522259822752, 0.7914727999742979, 2.0658911998971914,
        0.7705522259822751, 0.45348834284612766, -3.3418601141535316, -1.9116566779468251, -0.560465028538383,
        0.7139533713845105, 2.1116566779468253, 0.11550388571795746, -0.6379844571281702};
    private static final double[] INFERENCE_Y = {0.1, 0.2, -0.3, 1.1603951061323536, -0.5064007333008538,
        -8.296002997502185, -0.9603951061323536, -2.625602933203415, -2.2990007493755464, 2.220790212264707,
        -1.2128014666017077, -4.298001498751093};
    private static final double[] UPDATED_MEAN = {0.55, -0.8250000000000001, 1.825};
    private static final double[] UPDATED_VARIANCE = {1.925, 0.66875, 1.11875};

    @AfterEach
    void loopsBackOn() {
        System.clearProperty(HostMemory.LOOPS_PROPERTY);
    }

    @ParameterizedTest
    @CsvSource({"DOUBLE, true, 1e-12", "DOUBLE, false, 1e-12", "FLOAT, true, 1e-5", "FLOAT, false, 1e-5"})
    void trainingUsesTheBatchStatisticsAndLeavesTheMovingOnesToTheUpdate(DataType type, boolean loops, double eps) {
        System.setProperty(HostMemory.LOOPS_PROPERTY, Boolean.toString(loops));
        INDArray movingMean = array(type, MOVING_MEAN);
        INDArray movingVariance = array(type, MOVING_VARIANCE);
        BatchStatistics batch = new BatchStatistics(type, 3);
        // x and y are the leading rows of larger buffers, as in a network's last, smaller batch.
        INDArray x = Buffers.rows(Nd4j.concat(0, array(type, X).reshape(2, 2, 3), Nd4j.ones(type, 1, 2, 3)), 2);
        INDArray yBuffer = Nd4j.valueArrayOf(new long[] {3, 2, 3}, 7.0, type);
        INDArray y = Buffers.rows(yBuffer, 2);

        BatchNormKernel.forward(x, array(type, GAMMA), array(type, BETA), movingMean, movingVariance, EPSILON, true,
                batch, y);
        assertClose(TRAINING_Y, y, eps);
        assertClose(BATCH_MEAN, batch.mean(), eps);
        assertClose(BATCH_VARIANCE, batch.variance(), eps);
        assertEquals(7.0, yBuffer.getDouble(2, 0, 0), "the rows after the batch are untouched");
        assertClose(MOVING_MEAN, movingMean, 0);
        assertClose(MOVING_VARIANCE, movingVariance, 0);

        BatchNormKernel.updateMovingStatistics(batch, MOMENTUM, movingMean, movingVariance);
        assertClose(UPDATED_MEAN, movingMean, eps);
        assertClose(UPDATED_VARIANCE, movingVariance, eps);
    }

    @ParameterizedTest
    @CsvSource({"DOUBLE, true, 1e-12", "DOUBLE, false, 1e-12", "FLOAT, true, 1e-5", "FLOAT, false, 1e-5"})
    void inferenceUsesTheMovingStatisticsAndRecordsNothing(DataType type, boolean loops, double eps) {
        System.setProperty(HostMemory.LOOPS_PROPERTY, Boolean.toString(loops));
        BatchStatistics batch = new BatchStatistics(type, 3);
        INDArray y = Nd4j.create(type, 2, 2, 3);
        BatchNormKernel.forward(array(type, X).reshape(2, 2, 3), array(type, GAMMA), array(type, BETA),
                array(type, MOVING_MEAN), array(type, MOVING_VARIANCE), EPSILON, false, batch, y);
        assertClose(INFERENCE_Y, y, eps);
        assertClose(new double[3], batch.mean(), 0);
        assertClose(new double[3], batch.variance(), 0);
    }

    /** Without gamma and beta: (x - mean) / sqrt(variance + epsilon), on (batch, channels) as after a Dense layer. */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void withoutScaleAndCenterOnAFlatInput(boolean training) {
        INDArray x = array(DataType.DOUBLE, X).reshape(4, 3);
        INDArray y = Nd4j.create(DataType.DOUBLE, 4, 3);
        BatchNormKernel.forward(x, null, null, array(DataType.DOUBLE, MOVING_MEAN), array(DataType.DOUBLE, MOVING_VARIANCE),
                EPSILON, training, new BatchStatistics(DataType.DOUBLE, 3), y);
        double[] mean = training ? BATCH_MEAN : MOVING_MEAN;
        double[] variance = training ? BATCH_VARIANCE : MOVING_VARIANCE;
        double[] expected = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            expected[i] = (X[i] - mean[i % 3]) / Math.sqrt(variance[i % 3] + EPSILON);
        }
        assertClose(expected, y, 1e-12);
    }

    /**
     * The training-mode gradients of the loss sum(y * w) for random w against central finite
     * differences of the forward pass, whose batch statistics move with x.
     */
    @ParameterizedTest
    @CsvSource({"true, true", "false, false", "true, false"})
    void backwardMatchesFiniteDifferences(boolean scale, boolean center) {
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 2, 4).subi(0.5).muli(3);
        INDArray gamma = scale ? Nd4j.rand(DataType.DOUBLE, 4).addi(0.5) : null;
        INDArray beta = center ? Nd4j.rand(DataType.DOUBLE, 4).subi(0.5) : null;
        INDArray w = Nd4j.rand(DataType.DOUBLE, 3, 2, 2, 4).subi(0.5);
        INDArray movingMean = Nd4j.zeros(DataType.DOUBLE, 4);
        INDArray movingVariance = Nd4j.ones(DataType.DOUBLE, 4);
        BatchStatistics batch = new BatchStatistics(DataType.DOUBLE, 4);
        INDArray y = Nd4j.create(DataType.DOUBLE, 3, 2, 2, 4);
        DoubleSupplier loss = () -> {
            BatchNormKernel.forward(x, gamma, beta, movingMean, movingVariance, EPSILON, true, batch, y);
            return y.mul(w).sumNumber().doubleValue();
        };
        loss.getAsDouble();
        INDArray dGamma = scale ? Nd4j.create(DataType.DOUBLE, 4) : null;
        INDArray dBeta = center ? Nd4j.create(DataType.DOUBLE, 4) : null;
        INDArray dx = Nd4j.create(DataType.DOUBLE, 3, 2, 2, 4);
        BatchNormKernel.backward(x, gamma, batch, w, dGamma, dBeta, dx);

        GradientAssertions.assertMatches("x", x, dx, loss);
        if (scale) {
            GradientAssertions.assertMatches("gamma", gamma, dGamma, loss);
        }
        if (center) {
            GradientAssertions.assertMatches("beta", beta, dBeta, loss);
        }
        assertTrue(dx.sumNumber().doubleValue() < 1e-12, "the input's gradient sums to zero over each channel's values");
    }

    /**
     * Float32 with the Java loops on against the same arrays in double through ND4J's ops, on a
     * feature map as a network's (a last, smaller batch in larger buffers; more rows than one block
     * of the loops; channels not a multiple of the vector width), forward and backward.
     */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void javaLoopsInFloatAgreeWithNd4jInDouble(boolean scaleAndCenter) {
        Nd4j.getRandom().setSeed(11);
        long[] shape = {5, 9, 7, 13};
        INDArray x = Nd4j.rand(DataType.DOUBLE, shape).muli(4).subi(1);
        INDArray dy = Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
        INDArray gamma = scaleAndCenter ? Nd4j.rand(DataType.DOUBLE, 13).addi(0.5) : null;
        INDArray beta = scaleAndCenter ? Nd4j.rand(DataType.DOUBLE, 13) : null;
        INDArray movingMean = Nd4j.rand(DataType.DOUBLE, 13);
        INDArray movingVariance = Nd4j.rand(DataType.DOUBLE, 13).addi(0.1);
        INDArray[] expected = forwardAndBackward(x, dy, gamma, beta, movingMean, movingVariance, DataType.DOUBLE, false);
        INDArray[] actual = forwardAndBackward(x, dy, gamma, beta, movingMean, movingVariance, DataType.FLOAT, true);
        String[] names = {"training y", "inference y", "mean", "variance", "dx", "dgamma", "dbeta"};
        for (int i = 0; i < names.length; i++) {
            if (expected[i] != null) {
                assertClose(expected[i].dup('c').reshape(-1).toDoubleVector(), actual[i], 2e-4);
            }
        }
    }

    /** The outputs of a training pass, an inference pass and a backward pass, in {@code type}. */
    private static INDArray[] forwardAndBackward(INDArray x, INDArray dy, INDArray gamma, INDArray beta,
                                                 INDArray movingMean, INDArray movingVariance, DataType type,
                                                 boolean loops) {
        System.setProperty(HostMemory.LOOPS_PROPERTY, Boolean.toString(loops));
        long[] shape = x.shape();
        long channels = shape[3];
        long[] buffer = shape.clone();
        buffer[0] += 3;
        INDArray xIn = Buffers.rows(Nd4j.concat(0, x.castTo(type), Nd4j.ones(type, 3, shape[1], shape[2], channels)),
                (int) shape[0]);
        INDArray dyIn = Buffers.rows(Nd4j.concat(0, dy.castTo(type), Nd4j.ones(type, 3, shape[1], shape[2], channels)),
                (int) shape[0]);
        assertEquals(loops, HostMemory.holdsFloats(xIn, dyIn), "the loops take these arrays only while on");
        INDArray g = gamma == null ? null : gamma.castTo(type);
        INDArray b = beta == null ? null : beta.castTo(type);
        BatchStatistics batch = new BatchStatistics(type, (int) channels);
        INDArray training = Buffers.rows(Nd4j.create(type, buffer), (int) shape[0]);
        INDArray inference = Buffers.rows(Nd4j.create(type, buffer), (int) shape[0]);
        BatchNormKernel.forward(xIn, g, b, movingMean.castTo(type), movingVariance.castTo(type), EPSILON, false,
                batch, inference);
        BatchNormKernel.forward(xIn, g, b, movingMean.castTo(type), movingVariance.castTo(type), EPSILON, true,
                batch, training);
        INDArray dx = Buffers.rows(Nd4j.create(type, buffer), (int) shape[0]);
        INDArray dGamma = g == null ? null : Nd4j.create(type, channels);
        INDArray dBeta = b == null ? null : Nd4j.create(type, channels);
        BatchNormKernel.backward(xIn, g, batch, dyIn, dGamma, dBeta, dx);
        return new INDArray[] {training, inference, batch.mean(), batch.variance(), dx, dGamma, dBeta};
    }

    private static INDArray array(DataType type, double[] values) {
        return Nd4j.createFromArray(values).castTo(type);
    }

    private static void assertClose(double[] expected, INDArray actual, double eps) {
        double[] values = actual.dup('c').reshape(-1).toDoubleVector();
        assertEquals(expected.length, values.length);
        for (int i = 0; i < expected.length; i++) {
            int element = i;
            assertEquals(expected[i], values[i], eps * Math.max(1, Math.abs(expected[i])),
                    () -> "element " + element + " of " + actual);
        }
    }
}
