package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import dev.lamina.runtime.SystemProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * oneDNN's primitives, called directly, compute what ND4J's conv2d and conv2d_bp compute in double
 * precision (conv2d itself checked against plain loops in ConvolutionOpsTest), for every padding,
 * stride, bias and activation a layer can have, on batches of changing size.
 */
class OneDnnConvolutionTest {
    @Test
    void theLibraryLoadsHere() {
        assertNull(OneDnn.whyNotLoaded(), "oneDNN's native build for this platform should load");
        assertTrue(OneDnn.runsOn(Nd4j.create(DataType.FLOAT, 2, 3)));
    }

    /** Size, window, stride, padding, bias, activation: the fused ReLU and one applied after (TANH). */
    @ParameterizedTest
    @CsvSource({
            "9, 3, 1, VALID, true, RELU",
            "9, 3, 1, VALID, false, LINEAR",
            "9, 3, 1, SAME, true, TANH",
            "10, 3, 2, VALID, true, RELU",
            "10, 3, 2, SAME, true, RELU",
            "11, 4, 3, SAME, false, RELU",
            "7, 2, 2, VALID, true, SIGMOID"})
    void matchesNd4jsOpsForwardAndBackward(int size, int windowSize, int stride, Padding padding, boolean hasBias,
                                          Activation activation) {
        Nd4j.getRandom().setSeed(size * 31L + windowSize);
        Window2D window = new Window2D(windowSize, windowSize, stride, stride, padding);
        int channels = 5;
        int filters = 7;
        int out = (int) window.outputLength(size, windowSize, stride);
        OneDnnConvolution convolution = new OneDnnConvolution(window, Shape.of(size, size, channels),
                Shape.of(out, out, filters));
        // 4, then 3 (a new plan), then 4 again (the kept one): each batch the leading rows of arrays of 4.
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, size, size, channels).subi(0.5);
        INDArray y = Nd4j.create(DataType.FLOAT, 4, out, out, filters);
        INDArray dx = Nd4j.create(DataType.FLOAT, 4, size, size, channels);
        for (int batch : new int[] {4, 3, 4}) {
            INDArray rows = x.get(NDArrayIndex.interval(0, batch)).dup();
            INDArray kernel = Nd4j.rand(DataType.DOUBLE, windowSize, windowSize, channels, filters).subi(0.5);
            INDArray bias = hasBias ? Nd4j.rand(DataType.DOUBLE, filters).subi(0.5) : null;
            INDArray dz = Nd4j.rand(DataType.DOUBLE, batch, out, out, filters).subi(0.5);
            INDArray expected = Nd4j.create(DataType.DOUBLE, batch, out, out, filters);
            Conv2DKernel.forward(rows, kernel, bias, window, activation, expected);
            INDArray expectedKernel = kernel.ulike();
            INDArray expectedBias = hasBias ? bias.ulike() : null;
            INDArray expectedInput = rows.ulike();
            Conv2DKernel.backward(rows, kernel, bias, dz, window, expectedKernel, expectedBias, expectedInput);

            INDArray rows32 = leadingRows(x.castTo(DataType.FLOAT), batch);
            INDArray kernel32 = kernel.castTo(DataType.FLOAT);
            INDArray bias32 = hasBias ? bias.castTo(DataType.FLOAT) : null;
            INDArray yRows = leadingRows(y, batch);
            INDArray dxRows = leadingRows(dx, batch);
            assertTrue(OneDnn.runsOn(rows32, kernel32, bias32, yRows, dxRows), "the arrays are ones oneDNN takes");
            convolution.forward(rows32, kernel32, bias32, activation, yRows);
            INDArray kernelGradient = kernel32.ulike();
            INDArray biasGradient = hasBias ? bias32.ulike() : null;
            convolution.backward(rows32, kernel32, bias32, dz.castTo(DataType.FLOAT), kernelGradient, biasGradient,
                    dxRows);

            assertClose(expected, yRows, "output, batch " + batch);
            assertClose(expectedKernel, kernelGradient, "kernel gradient, batch " + batch);
            if (hasBias) {
                assertClose(expectedBias, biasGradient, "bias gradient, batch " + batch);
            }
            assertClose(expectedInput, dxRows, "input gradient, batch " + batch);
        }
    }

    /** The kernel's gradient reads the forward pass's copy of the input only if that pass was on this input. */
    @Test
    void aBackwardPassAfterAnotherInputsForwardReadsItsOwnInput() {
        Nd4j.getRandom().setSeed(5);
        Window2D window = new Window2D(3, 3, 1, 1, Padding.VALID);
        OneDnnConvolution convolution = new OneDnnConvolution(window, Shape.of(12, 12, 16), Shape.of(10, 10, 32));
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 12, 12, 16).subi(0.5);
        INDArray other = Nd4j.rand(DataType.FLOAT, 8, 12, 12, 16).subi(0.5);
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 3, 3, 16, 32).subi(0.5);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 32);
        INDArray dz = Nd4j.rand(DataType.FLOAT, 8, 10, 10, 32).subi(0.5);
        INDArray y = Nd4j.create(DataType.FLOAT, 8, 10, 10, 32);
        convolution.forward(x, kernel, bias, Activation.RELU, y);
        convolution.forward(other, kernel, bias, Activation.RELU, y);
        INDArray kernelGradient = kernel.ulike();
        convolution.backward(x, kernel, bias, dz, kernelGradient, bias.ulike(), x.ulike());

        INDArray expected = kernel.castTo(DataType.DOUBLE).ulike();
        Conv2DKernel.backward(x.castTo(DataType.DOUBLE), kernel.castTo(DataType.DOUBLE), bias.castTo(DataType.DOUBLE),
                dz.castTo(DataType.DOUBLE), window, expected, bias.castTo(DataType.DOUBLE).ulike(),
                x.castTo(DataType.DOUBLE).ulike());
        assertClose(expected, kernelGradient, "kernel gradient from x, not from the last forward's input");
    }

    /** A primitive runs on the threads it was made for: a call on another count gets a plan of its own. */
    @Test
    void eachThreadCountGetsItsOwnPrimitives() {
        Nd4j.getRandom().setSeed(6);
        Window2D window = new Window2D(3, 3, 1, 1, Padding.VALID);
        OneDnnConvolution convolution = new OneDnnConvolution(window, Shape.of(9, 9, 8), Shape.of(7, 7, 16));
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 9, 9, 8);
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 3, 3, 8, 16).subi(0.5);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 16);
        INDArray onTwo = Nd4j.create(DataType.FLOAT, 4, 7, 7, 16);
        INDArray onOne = onTwo.ulike();
        int threads = NativeThreads.get();
        try {
            NativeThreads.setForThisThread(2);
            convolution.forward(x, kernel, bias, Activation.RELU, onTwo);
            convolution.forward(x, kernel, bias, Activation.RELU, onTwo);
            assertEquals(1, convolution.plans());
            NativeThreads.setForThisThread(1);
            convolution.forward(x, kernel, bias, Activation.RELU, onOne);
            assertEquals(2, convolution.plans(), "one plan for each thread count");
        } finally {
            NativeThreads.setForThisThread(threads);
        }
        assertTrue(onTwo.equalsWithEps(onOne, 1e-5), "the same outputs on either");
    }

    /** An input that is rows in the middle of a larger array (a batch of a dataset, as evaluate reads it). */
    @Test
    void readsRowsFromTheMiddleOfALargerArray() {
        Nd4j.getRandom().setSeed(9);
        Window2D window = new Window2D(3, 3, 1, 1, Padding.VALID);
        OneDnnConvolution convolution = new OneDnnConvolution(window, Shape.of(6, 6, 1), Shape.of(4, 4, 8));
        INDArray dataset = Nd4j.rand(DataType.FLOAT, 10, 36);
        INDArray rows = dataset.get(NDArrayIndex.interval(3, 7), NDArrayIndex.all()).reshape(4, 6, 6, 1);
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 3, 3, 1, 8).subi(0.5);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 8);
        assertTrue(rows.offset() > 0 && OneDnn.runsOn(rows), "rows at an offset, which oneDNN takes");
        INDArray y = Nd4j.create(DataType.FLOAT, 4, 4, 4, 8);
        convolution.forward(rows, kernel, bias, Activation.LINEAR, y);

        INDArray expected = Nd4j.create(DataType.DOUBLE, 4, 4, 4, 8);
        Conv2DKernel.forward(rows.dup().castTo(DataType.DOUBLE), kernel.castTo(DataType.DOUBLE),
                bias.castTo(DataType.DOUBLE), window, Activation.LINEAR, expected);
        assertClose(expected, y, "output of rows 3 to 6");
    }

    @Test
    void arraysItCannotReadAreLeftToNd4j() {
        INDArray columnMajor = Nd4j.create(DataType.FLOAT, new long[] {2, 5, 5, 3}, 'f');
        assertFalse(OneDnn.runsOn(Nd4j.create(DataType.FLOAT, 2, 5, 5, 3), columnMajor), "column-major");
        assertFalse(OneDnn.runsOn(Nd4j.create(DataType.DOUBLE, 2, 5, 5, 3)), "double precision");
        SystemProperties.with(HostMemory.LOOPS_PROPERTY, "false",
                () -> assertFalse(OneDnn.runsOn(Nd4j.create(DataType.FLOAT, 2, 5, 5, 3)), "with the host loops off"));
    }

    /** The first {@code batch} rows of {@code array}, a view of its buffer from its start, as a network's smaller batch is. */
    private static INDArray leadingRows(INDArray array, int batch) {
        return array.get(NDArrayIndex.interval(0, batch));
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertTrue(expected.castTo(DataType.FLOAT).equalsWithEps(actual, 2e-4), what + ": " + actual + " against " + expected);
    }
}
