package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.nd4j.linalg.indexing.NDArrayIndex;

class DenseKernelTest {

    @Test
    void forwardIsInputTimesKernelPlusBias() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray kernel = Nd4j.createFromArray(new double[][] {{1, 0, -1}, {0.5, 1, 2}});
        INDArray bias = Nd4j.createFromArray(0.1, 0.2, 0.3);
        INDArray y = Nd4j.create(DataType.DOUBLE, 2, 3);
        DenseKernel.forward(x, kernel, bias, Activation.LINEAR, y, true);
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
        DenseKernel.forward(x, kernel, bias, activation, y, true);
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
        DenseKernel.forward(x, kernel, bias, activation, expected, true);

        INDArray buffer = Nd4j.valueArrayOf(new long[] {rows + 2, units}, 7f, DataType.FLOAT);
        INDArray y = Buffers.rows(buffer, rows);
        DenseKernel.forward(x.castTo(DataType.FLOAT), kernel.castTo(DataType.FLOAT),
                withBias ? bias.castTo(DataType.FLOAT) : null, activation, y, true);
        assertTrue(expected.equalsWithEps(y.castTo(DataType.DOUBLE), 1e-6), activation + " differs");
        assertEquals(7f, buffer.getFloat(rows, 0), "the row after the batch is untouched");
    }

    /**
     * A small product's Java loop against ND4J's gemm in double precision: a batch-1 prediction's
     * layers (1 x 512 x 10, 1 x 576 x 64, 1 x 64 x 10), a few rows, one unit, into a buffer's leading
     * rows; and what it leaves to the gemm: more work, float64, an input that does not start its buffer.
     */
    @ParameterizedTest
    @CsvSource({"1, 512, 10", "1, 576, 64", "1, 64, 10", "3, 50, 7", "5, 13, 1", "2, 1, 300", "8, 40, 10"})
    void smallProductsMatchTheGemm(int rows, int inputs, int units) {
        Nd4j.getRandom().setSeed(12);
        INDArray x = Nd4j.rand(DataType.DOUBLE, rows, inputs).subi(0.5);
        INDArray kernel = Nd4j.rand(DataType.DOUBLE, inputs, units).subi(0.5);
        INDArray bias = Nd4j.rand(DataType.DOUBLE, units).subi(0.5);
        INDArray buffer = Nd4j.valueArrayOf(new long[] {rows + 2, units}, 7f, DataType.FLOAT);
        INDArray y = Buffers.rows(buffer, rows);
        INDArray xFloat = x.castTo(DataType.FLOAT);
        INDArray kernelFloat = kernel.castTo(DataType.FLOAT);
        assertTrue(SmallDenseProduct.takes(xFloat, kernelFloat, y), "the Java loop runs");

        DenseKernel.forward(xFloat, kernelFloat, bias.castTo(DataType.FLOAT), Activation.LINEAR, y, true);

        INDArray expected = x.mmul(kernel).addiRowVector(bias);
        assertTrue(expected.equalsWithEps(y.castTo(DataType.DOUBLE), 1e-5), "expected " + expected + " but was " + y);
        assertEquals(7f, buffer.getFloat(rows, 0), "the row after the batch is untouched");
    }

    /**
     * A batch that is a range of rows of a larger array (an in-memory dataset's) takes the same loop as
     * the same rows copied to an array of their own (a mapped file's batch): equal to the bit.
     */
    @Test
    void rowsAtAnOffsetTakeTheSameArithmeticAsACopy() {
        Nd4j.getRandom().setSeed(13);
        INDArray data = Nd4j.rand(DataType.FLOAT, 40, 30).subi(0.5f);
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 30, 10).subi(0.5f);
        INDArray view = data.get(NDArrayIndex.interval(17, 25));
        INDArray copy = view.dup();
        assertTrue(view.offset() > 0);
        assertTrue(SmallDenseProduct.takes(view, kernel, Nd4j.create(DataType.FLOAT, 8, 10)), "the loop takes the view");
        INDArray fromView = Nd4j.create(DataType.FLOAT, 8, 10);
        INDArray fromCopy = Nd4j.create(DataType.FLOAT, 8, 10);
        DenseKernel.forward(view, kernel, null, Activation.LINEAR, fromView, true);
        DenseKernel.forward(copy, kernel, null, Activation.LINEAR, fromCopy, true);
        assertEquals(fromCopy, fromView);
        assertTrue(copy.mmul(kernel).equalsWithEps(fromView, 1e-5));
    }

    @Test
    void largerOrOtherProductsKeepTheGemm() {
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 784, 512);
        assertFalse(SmallDenseProduct.takes(Nd4j.rand(DataType.FLOAT, 1, 784), kernel, Nd4j.create(DataType.FLOAT, 1, 512)),
                "the MLP's first layer: 401,408 multiply-adds");
        INDArray small = Nd4j.rand(DataType.FLOAT, 64, 10);
        assertTrue(SmallDenseProduct.takes(Nd4j.rand(DataType.FLOAT, 2, 64), small, Nd4j.create(DataType.FLOAT, 2, 10)));
        assertFalse(SmallDenseProduct.takes(Nd4j.rand(DataType.DOUBLE, 2, 64), small.castTo(DataType.DOUBLE),
                Nd4j.create(DataType.DOUBLE, 2, 10)), "float64");
        assertFalse(SmallDenseProduct.takes(Nd4j.rand(DataType.FLOAT, 2, 64).dup('f'), small,
                Nd4j.create(DataType.FLOAT, 2, 10)), "column-major rows");
        assertFalse(SmallDenseProduct.takes(Nd4j.rand(DataType.FLOAT, 2, 63), small, Nd4j.create(DataType.FLOAT, 2, 10)),
                "inputs that do not fit the kernel");
        assertFalse(SmallDenseProduct.takes(Nd4j.rand(DataType.FLOAT, 9, 64), small, Nd4j.create(DataType.FLOAT, 9, 10)),
                "a training batch's rows, however little the work");
    }

    @Test
    void forwardTakesOneSampleOfOneInput() {
        INDArray y = Nd4j.create(DataType.DOUBLE, 1, 1);
        DenseKernel.forward(Nd4j.createFromArray(new double[][] {{2}}), Nd4j.createFromArray(new double[][] {{-3}}),
                Nd4j.createFromArray(1.5), Activation.RELU, y, true);
        assertEquals(0.0, y.getDouble(0, 0));
        DenseKernel.forward(Nd4j.createFromArray(new double[][] {{2}}), Nd4j.createFromArray(new double[][] {{3}}),
                Nd4j.createFromArray(1.5), Activation.RELU, y, true);
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
            DenseKernel.forward(x, kernel, bias, Activation.TANH, y, true);
            return y.mul(weights).sumNumber().doubleValue();
        };
        INDArray y = Nd4j.create(DataType.DOUBLE, 4, 3);
        DenseKernel.forward(x, kernel, bias, Activation.TANH, y, true);
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

    /**
     * A narrow layer's products in Java against ND4J's gemm in double precision: unit counts of 1,
     * 3 (less than a block of four), 10 and the widest taken, row counts not a multiple of four, a
     * batch in a buffer's leading rows, and the first layer's case without an input gradient.
     */
    @ParameterizedTest
    @CsvSource({"5, 7, 1, true", "6, 9, 3, true", "130, 513, 10, true", "64, 40, 16, true", "3, 11, 10, false"})
    void narrowLayersGradientsMatchTheGemms(int batch, int inputs, int units, boolean withInputGradient) {
        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.rand(DataType.DOUBLE, batch, inputs).subi(0.5);
        INDArray kernel = Nd4j.rand(DataType.DOUBLE, inputs, units).subi(0.5);
        INDArray dz = Nd4j.rand(DataType.DOUBLE, batch, units).subi(0.5);
        INDArray xBuffer = Nd4j.valueArrayOf(new long[] {batch + 3, inputs}, 5f, DataType.FLOAT);
        INDArray xRows = Buffers.rows(xBuffer, batch).assign(x.castTo(DataType.FLOAT));
        INDArray dzRows = Buffers.rows(Nd4j.create(DataType.FLOAT, batch + 3, units), batch).assign(dz.castTo(DataType.FLOAT));
        INDArray dKernel = Nd4j.valueArrayOf(new long[] {inputs, units}, 9f, DataType.FLOAT);
        INDArray dxBuffer = Nd4j.valueArrayOf(new long[] {batch + 3, inputs}, 9f, DataType.FLOAT);
        INDArray dx = withInputGradient ? Buffers.rows(dxBuffer, batch) : null;
        assertTrue(NarrowDenseGradients.takes(xRows, kernel.castTo(DataType.FLOAT), dzRows, dKernel, dx), "the Java loops run");

        DenseKernel.backward(xRows, kernel.castTo(DataType.FLOAT), dzRows, dKernel, null, dx);

        assertTrue(x.transpose().mmul(dz).equalsWithEps(dKernel.castTo(DataType.DOUBLE), 1e-4), "kernel gradient");
        if (withInputGradient) {
            assertTrue(dz.mmul(kernel.transpose()).equalsWithEps(dx.castTo(DataType.DOUBLE), 1e-4), "input gradient");
            assertEquals(9f, dxBuffer.getFloat(batch, 0), "the row after the batch is untouched");
        }
    }

    @Test
    void widerOrLargerLayersOtherTypesAndMisfitShapesKeepTheGemm() {
        assertTrue(takes(DataType.FLOAT, 4, 8, 10, 4, 8, 10, 4, 8), "the shapes that fit");
        assertTrue(takes(DataType.FLOAT, 4, 8, 10, 4, 8, 10, -1, -1), "a first layer, without an input gradient");
        int wide = NarrowDenseGradients.MAX_UNITS + 1;
        assertFalse(takes(DataType.FLOAT, 4, 8, wide, 4, 8, wide, 4, 8), "too many units");
        long inputs = NarrowDenseGradients.MAX_WORK / 10 / 64 + 1;
        assertFalse(NarrowDenseGradients.takes(Nd4j.create(DataType.FLOAT, 64, inputs),
                Nd4j.create(DataType.FLOAT, inputs, 10), Nd4j.create(DataType.FLOAT, 64, 10),
                Nd4j.create(DataType.FLOAT, inputs, 10), null), "too much work");
        assertFalse(takes(DataType.DOUBLE, 4, 8, 10, 4, 8, 10, 4, 8), "double precision");
        // Shapes that do not fit go to the gemm, which names them, rather than to loops that read past them.
        assertFalse(takes(DataType.FLOAT, 4, 8, 10, 3, 8, 10, 4, 8), "dz of another batch");
        assertFalse(takes(DataType.FLOAT, 4, 8, 10, 4, 9, 10, 4, 8), "a kernel gradient of another shape");
        assertFalse(takes(DataType.FLOAT, 4, 8, 10, 4, 8, 10, 5, 8), "an input gradient of another shape");
    }

    /**
     * Whether arrays x (batch, inputs), kernel (inputs, units), dz (dzRows, units), kernel gradient
     * (gradientRows, gradientUnits) and input gradient (dxRows, dxColumns; none for -1) take the loops.
     */
    private static boolean takes(DataType type, int batch, int inputs, int units, int dzRows, int gradientRows,
                                 int gradientUnits, int dxRows, int dxColumns) {
        return NarrowDenseGradients.takes(Nd4j.create(type, batch, inputs), Nd4j.create(type, inputs, units),
                Nd4j.create(type, dzRows, units), Nd4j.create(type, gradientRows, gradientUnits),
                dxRows < 0 ? null : Nd4j.create(type, dxRows, dxColumns));
    }
}
