package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Activation;
import dev.lamina.runtime.GradientAssertions;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DenseKernelTest {

    @Test
    void forwardIsInputTimesKernelPlusBias() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray kernel = Nd4j.createFromArray(new double[][] {{1, 0, -1}, {0.5, 1, 2}});
        INDArray bias = Nd4j.createFromArray(0.1, 0.2, 0.3);
        INDArray y = Nd4j.create(DataType.DOUBLE, 2, 3);
        DenseKernel.forward(x, kernel, bias, Activation.LINEAR, y);
        assertEquals(Nd4j.createFromArray(new double[][] {{2.1, 2.2, 3.3}, {5.1, 4.2, 5.3}}), y);
    }

    /** Against the product, bias and activation written out, with a unit count of 1 too, into a buffer's leading rows. */
    @ParameterizedTest
    @CsvSource({"RELU, true, 4", "RELU, false, 4", "SOFTMAX, true, 4", "TANH, true, 4", "LINEAR, true, 4",
            "LINEAR, false, 4", "RELU, true, 1", "SIGMOID, true, 1"})
    void forwardEqualsProductPlusBiasThenActivation(Activation activation, boolean withBias, int units) {
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 7).subi(0.5);
        INDArray kernel = Nd4j.rand(DataType.DOUBLE, 7, units).subi(0.5);
        INDArray bias = withBias ? Nd4j.rand(DataType.DOUBLE, units).subi(0.5) : null;
        INDArray expected = x.mmul(kernel);
        if (withBias) {
            expected.addiRowVector(bias);
        }
        Activations.forward(activation, expected);
        // y is the leading rows of a larger buffer, as in a network's last, smaller batch.
        INDArray buffer = Nd4j.valueArrayOf(new long[] {8, units}, 7.0, DataType.DOUBLE);
        INDArray y = Buffers.rows(buffer, 5);
        DenseKernel.forward(x, kernel, bias, activation, y);
        assertTrue(expected.equalsWithEps(y, 1e-12), "expected " + expected + " but was " + y);
        assertEquals(7.0, buffer.getDouble(5, 0), "the row after the batch is untouched");
    }

    /**
     * On float arrays in host memory the bias and activation are one Java pass over blocks of rows
     * (sigmoid and tanh stay with ND4J): against the double computation, with several blocks and a
     * partial one (70 x 130), a row longer than a block (3 x 5000), and into a buffer's leading rows.
     */
    @ParameterizedTest
    @CsvSource({"LINEAR, true, 70, 130", "LINEAR, false, 70, 130", "RELU, true, 70, 130", "RELU, false, 3, 5000",
            "LEAKY_RELU, true, 70, 130", "SOFTMAX, true, 70, 130", "SOFTMAX, true, 3, 5000", "SIGMOID, true, 70, 130"})
    void floatForwardMatchesTheDoubleOne(Activation activation, boolean withBias, int rows, int units) {
        Nd4j.getRandom().setSeed(6);
        INDArray x = Nd4j.rand(DataType.DOUBLE, rows, 9).subi(0.5);
        INDArray kernel = Nd4j.rand(DataType.DOUBLE, 9, units).subi(0.5);
        INDArray bias = withBias ? Nd4j.rand(DataType.DOUBLE, units).subi(0.5) : null;
        INDArray expected = Nd4j.create(DataType.DOUBLE, rows, units);
        DenseKernel.forward(x, kernel, bias, activation, expected);

        INDArray buffer = Nd4j.valueArrayOf(new long[] {rows + 2, units}, 7f, DataType.FLOAT);
        INDArray y = Buffers.rows(buffer, rows);
        DenseKernel.forward(x.castTo(DataType.FLOAT), kernel.castTo(DataType.FLOAT),
                withBias ? bias.castTo(DataType.FLOAT) : null, activation, y);
        assertTrue(expected.equalsWithEps(y.castTo(DataType.DOUBLE), 1e-6), activation + " differs");
        assertEquals(7f, buffer.getFloat(rows, 0), "the row after the batch is untouched");
    }

    @Test
    void forwardTakesOneSampleOfOneInput() {
        INDArray y = Nd4j.create(DataType.DOUBLE, 1, 1);
        DenseKernel.forward(Nd4j.createFromArray(new double[][] {{2}}), Nd4j.createFromArray(new double[][] {{-3}}),
                Nd4j.createFromArray(1.5), Activation.RELU, y);
        assertEquals(0.0, y.getDouble(0, 0));
        DenseKernel.forward(Nd4j.createFromArray(new double[][] {{2}}), Nd4j.createFromArray(new double[][] {{3}}),
                Nd4j.createFromArray(1.5), Activation.RELU, y);
        assertEquals(7.5, y.getDouble(0, 0));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void backwardGivesTheGradientsOfKernelBiasAndInput(boolean withBias) {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 6).subi(0.5);
        INDArray kernel = Nd4j.rand(DataType.DOUBLE, 6, 3).subi(0.5);
        INDArray bias = withBias ? Nd4j.rand(DataType.DOUBLE, 3) : null;
        INDArray weights = Nd4j.rand(DataType.DOUBLE, 4, 3).subi(0.5);
        // loss = sum(tanh(x kernel + bias) * weights), through the activation's backward as a network does.
        DoubleSupplier loss = () -> {
            INDArray y = Nd4j.create(DataType.DOUBLE, 4, 3);
            DenseKernel.forward(x, kernel, bias, Activation.TANH, y);
            return y.mul(weights).sumNumber().doubleValue();
        };
        INDArray y = Nd4j.create(DataType.DOUBLE, 4, 3);
        DenseKernel.forward(x, kernel, bias, Activation.TANH, y);
        INDArray dz = weights.dup();
        Activations.backward(Activation.TANH, y, dz);
        INDArray dKernel = kernel.ulike();
        INDArray dBias = withBias ? bias.ulike() : null;
        INDArray dx = x.ulike();
        DenseKernel.backward(x, kernel, dz, dKernel, dBias, dx);

        GradientAssertions.assertMatches("kernel", kernel, dKernel, loss);
        GradientAssertions.assertMatches("input", x, dx, loss);
        if (withBias) {
            GradientAssertions.assertMatches("bias", bias, dBias, loss);
        }
    }
}
