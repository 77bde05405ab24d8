package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import dev.lamina.dsl.Pooling;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Global pooling against loops written out here, with ties, in float and double, on leading-row views. */
class GlobalPool2DKernelTest {

    @Test
    void forwardTakesEachChannelsMaximumAndMeanOverTheImage() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray x = Nd4j.rand(type, 3, 4, 5, 2).subi(0.5);
            INDArray max = Nd4j.create(type, 3, 2);
            INDArray mean = Nd4j.create(type, 3, 2);
            GlobalPool2DKernel.forward(Pooling.MAX, x, max);
            GlobalPool2DKernel.forward(Pooling.AVERAGE, x, mean);
            for (int n = 0; n < 3; n++) {
                for (int c = 0; c < 2; c++) {
                    double largest = Double.NEGATIVE_INFINITY;
                    double sum = 0;
                    for (int h = 0; h < 4; h++) {
                        for (int w = 0; w < 5; w++) {
                            largest = Math.max(largest, x.getDouble(n, h, w, c));
                            sum += x.getDouble(n, h, w, c);
                        }
                    }
                    assertEquals(largest, max.getDouble(n, c), 0, type + " max of sample " + n + ", channel " + c);
                    assertEquals(sum / 20, mean.getDouble(n, c), 1e-6, type + " mean of sample " + n + ", channel " + c);
                }
            }
        }
    }

    @Test
    void averageSpreadsTheGradientOverEveryPosition() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 3, 4, 5);
        INDArray dy = Nd4j.rand(DataType.DOUBLE, 2, 5);
        INDArray dx = x.ulike().assign(Double.NaN);
        GlobalPool2DKernel.backward(Pooling.AVERAGE, x, x.mean(1, 2), dy, dx);
        for (int h = 0; h < 3; h++) {
            for (int w = 0; w < 4; w++) {
                assertEquals(dy.div(12), dx.get(all(), point(h), point(w), all()), "position " + h + ", " + w);
            }
        }
    }

    @Test
    void maxGivesTheGradientToTheMaximumAndSplitsItEquallyAmongTies() {
        // One sample, a 2x2 image, 3 channels: channel 0 has one maximum, channel 1 two tied, channel 2 four.
        INDArray x = Nd4j.create(new double[] {1, 5, 2, 4, 5, 2, 3, 1, 2, 0, 0, 2}, new long[] {1, 2, 2, 3}, 'c');
        INDArray y = Nd4j.create(DataType.DOUBLE, 1, 3);
        GlobalPool2DKernel.forward(Pooling.MAX, x, y);
        assertEquals(Nd4j.create(new double[][] {{4, 5, 2}}), y);
        INDArray dy = Nd4j.create(new double[][] {{8, 6, 4}});
        INDArray dx = x.ulike().assign(Double.NaN);
        GlobalPool2DKernel.backward(Pooling.MAX, x, y, dy, dx);
        // As TensorFlow's reduce_max gradient: dy * (x == max) / count(x == max).
        INDArray expected = Nd4j.create(new double[] {0, 3, 1, 8, 3, 1, 0, 0, 1, 0, 0, 1}, new long[] {1, 2, 2, 3}, 'c');
        assertEquals(expected, dx);
    }

    @Test
    void leadingRowsOfLargerBuffersAreWhatTheNetworkPasses() {
        for (Pooling pooling : Pooling.values()) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 5, 3, 3, 4);
            INDArray yBuffer = Nd4j.create(DataType.FLOAT, 5, 4);
            INDArray dxBuffer = Nd4j.create(DataType.FLOAT, 5, 3, 3, 4);
            INDArray xRows = x.get(interval(0, 2));
            INDArray y = yBuffer.get(interval(0, 2));
            GlobalPool2DKernel.forward(pooling, xRows, y);
            INDArray whole = Nd4j.create(DataType.FLOAT, 2, 4);
            GlobalPool2DKernel.forward(pooling, xRows.dup(), whole);
            assertEquals(whole, y, pooling.name());
            assertEquals(0, yBuffer.get(interval(2, 5)).sumNumber().doubleValue(), "rows past the batch untouched");
            INDArray dy = Nd4j.rand(DataType.FLOAT, 2, 4);
            GlobalPool2DKernel.backward(pooling, xRows, y, dy, dxBuffer.get(interval(0, 2)));
            INDArray expected = Nd4j.create(DataType.FLOAT, 2, 3, 3, 4);
            GlobalPool2DKernel.backward(pooling, xRows.dup(), whole, dy, expected);
            assertEquals(expected, dxBuffer.get(interval(0, 2)), pooling.name());
            assertTrue(dxBuffer.get(interval(2, 5)).sumNumber().doubleValue() == 0, "rows past the batch untouched");
        }
    }
}
