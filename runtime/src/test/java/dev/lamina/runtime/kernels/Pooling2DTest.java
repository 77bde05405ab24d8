package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A pooling layer computes on oneDNN what ND4J's pooling ops compute (checked against plain loops
 * in ConvolutionOpsTest), for both kinds, both paddings and overlapping windows, on batches of
 * changing size, and its max pool's backward pass finds the maxima of the input it is given.
 */
class Pooling2DTest {
    /** Kind, input size, window, stride, padding. */
    @ParameterizedTest
    @CsvSource({
            "MAX, 8, 2, 2, VALID",
            "MAX, 9, 2, 2, VALID",
            "MAX, 9, 3, 2, SAME",
            "MAX, 10, 3, 3, VALID",
            "AVERAGE, 8, 2, 2, VALID",
            "AVERAGE, 9, 3, 2, SAME",
            "AVERAGE, 7, 2, 1, SAME"})
    void matchesNd4jsOpsForwardAndBackward(Pooling pooling, int size, int windowSize, int stride, Padding padding) {
        Nd4j.getRandom().setSeed(size * 7L + windowSize);
        Window2D window = new Window2D(windowSize, windowSize, stride, stride, padding);
        int channels = 6;
        int out = (int) window.outputLength(size, windowSize, stride);
        Pooling2D layer = new Pooling2D(pooling, window, Shape.of(size, size, channels), Shape.of(out, out, channels));
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, size, size, channels).subi(0.5);
        INDArray y = Nd4j.create(DataType.FLOAT, 4, out, out, channels);
        INDArray dx = x.ulike();
        for (int batch : new int[] {4, 3, 4}) {
            INDArray rows = x.get(NDArrayIndex.interval(0, batch));
            INDArray yRows = y.get(NDArrayIndex.interval(0, batch));
            INDArray dxRows = dx.get(NDArrayIndex.interval(0, batch));
            INDArray dy = Nd4j.rand(DataType.FLOAT, batch, out, out, channels).subi(0.5);
            layer.forward(rows, yRows, true);
            layer.backward(rows, dy, dxRows);

            INDArray expected = Nd4j.create(DataType.FLOAT, batch, out, out, channels);
            Pool2DKernel.forward(pooling, rows.dup(), window, expected);
            INDArray expectedInput = Nd4j.create(DataType.FLOAT, batch, size, size, channels);
            Pool2DKernel.backward(pooling, rows.dup(), dy, window, expectedInput);
            assertTrue(expected.equalsWithEps(yRows, 1e-6), "output, batch " + batch);
            INDArray inferred = yRows.ulike();
            layer.forward(rows, inferred, false);
            assertTrue(expected.equalsWithEps(inferred, 1e-6), "output of an inference pass, batch " + batch);
            assertTrue(expectedInput.equalsWithEps(dxRows, 1e-6), "input gradient, batch " + batch + ": " + dxRows
                    + " against " + expectedInput);
        }
        assertTrue(layer.ranOnOneDnn(), "oneDNN computed the layer");
    }

    /** An input that is rows in the middle of a larger array (a batch of a dataset, as evaluate reads it). */
    @Test
    void poolsRowsFromTheMiddleOfALargerArray() {
        Nd4j.getRandom().setSeed(4);
        Window2D window = new Window2D(2, 2, 2, 2, Padding.VALID);
        Pooling2D layer = new Pooling2D(Pooling.MAX, window, Shape.of(4, 4, 2), Shape.of(2, 2, 2));
        INDArray rows = Nd4j.rand(DataType.FLOAT, 10, 32).get(NDArrayIndex.interval(5, 8), NDArrayIndex.all())
                .reshape(3, 4, 4, 2);
        INDArray y = Nd4j.create(DataType.FLOAT, 3, 2, 2, 2);
        layer.forward(rows, y, false);
        INDArray expected = Nd4j.create(DataType.FLOAT, 3, 2, 2, 2);
        Pool2DKernel.forward(Pooling.MAX, rows.dup(), window, expected);
        assertTrue(rows.offset() > 0 && layer.ranOnOneDnn(), "rows at an offset, on oneDNN");
        assertTrue(expected.equalsWithEps(y, 0), y + " against " + expected);
    }

    /** The maxima oneDNN kept are the last training pass's: a backward pass on another input, or after inference, finds its own. */
    @Test
    void aMaxPoolsBackwardPassAfterAnotherInputsOrAnInferencePassFindsItsMaxima() {
        Nd4j.getRandom().setSeed(3);
        Window2D window = new Window2D(2, 2, 2, 2, Padding.VALID);
        Pooling2D layer = new Pooling2D(Pooling.MAX, window, Shape.of(6, 6, 4), Shape.of(3, 3, 4));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 6, 6, 4);
        INDArray other = Nd4j.rand(DataType.FLOAT, 2, 6, 6, 4);
        INDArray dy = Nd4j.rand(DataType.FLOAT, 2, 3, 3, 4);
        layer.forward(x, Nd4j.create(DataType.FLOAT, 2, 3, 3, 4), true);
        layer.forward(other, Nd4j.create(DataType.FLOAT, 2, 3, 3, 4), true);
        INDArray dx = x.ulike();
        layer.backward(x, dy, dx);

        INDArray expected = x.ulike();
        Pool2DKernel.backward(Pooling.MAX, x, dy, window, expected);
        assertTrue(expected.equalsWithEps(dx, 1e-6), dx + " against " + expected);

        // An inference pass keeps no maxima: the backward pass after it finds them too.
        Pooling2D inferring = new Pooling2D(Pooling.MAX, window, Shape.of(6, 6, 4), Shape.of(3, 3, 4));
        inferring.forward(x, Nd4j.create(DataType.FLOAT, 2, 3, 3, 4), false);
        INDArray afterInference = x.ulike();
        inferring.backward(x, dy, afterInference);
        assertTrue(expected.equalsWithEps(afterInference, 1e-6), afterInference + " against " + expected);
    }
}
