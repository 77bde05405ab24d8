package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Multiply and Average against numbers worked out by hand, in float and double, on leading-row views. */
class MergeKernelTest {
    private static final DataType[] TYPES = {DataType.FLOAT, DataType.DOUBLE};

    private static INDArray rows(DataType type, double[][] values) {
        return Nd4j.create(values).castTo(type);
    }

    @Test
    void multiplyIsTheElementWiseProductOfEveryInput() {
        for (DataType type : TYPES) {
            INDArray a = rows(type, new double[][] {{1, -2, 3}, {0.5, 4, -1}});
            INDArray b = rows(type, new double[][] {{2, 3, -1}, {4, 0.25, 2}});
            INDArray c = rows(type, new double[][] {{-1, 0.5, 2}, {3, 2, -0.5}});
            INDArray product = Nd4j.create(type, 2, 3).assign(Double.NaN);
            MergeKernel.multiply(product, a, b, c);
            // 1*2*-1 = -2, -2*3*0.5 = -3, 3*-1*2 = -6; 0.5*4*3 = 6, 4*0.25*2 = 2, -1*2*-0.5 = 1.
            assertEquals(rows(type, new double[][] {{-2, -3, -6}, {6, 2, 1}}), product, type.toString());
            // A layer listed twice: its square.
            MergeKernel.multiply(product, a, a);
            assertEquals(rows(type, new double[][] {{1, 4, 9}, {0.25, 16, 1}}), product, type.toString());
        }
    }

    @Test
    void multiplysBackwardIsTheGradientTimesTheOtherInputs() {
        for (DataType type : TYPES) {
            INDArray a = rows(type, new double[][] {{1, -2}, {3, 0}});
            INDArray b = rows(type, new double[][] {{4, 0.5}, {-1, 2}});
            INDArray gradient = rows(type, new double[][] {{2, 3}, {-1, 10}});
            INDArray aGradient = a.ulike().assign(Double.NaN);
            INDArray bGradient = b.ulike().assign(Double.NaN);
            // d(a*b)/da = b, d(a*b)/db = a.
            MergeKernel.multiply(aGradient, gradient, b);
            MergeKernel.multiply(bGradient, gradient, a);
            assertEquals(rows(type, new double[][] {{8, 1.5}, {1, 20}}), aGradient, type.toString());
            assertEquals(rows(type, new double[][] {{2, -6}, {-3, 0}}), bGradient, type.toString());
        }
    }

    @Test
    void averageIsTheElementWiseMean() {
        for (DataType type : TYPES) {
            INDArray a = rows(type, new double[][] {{1, -2, 3}, {0.5, 4, -1}});
            INDArray b = rows(type, new double[][] {{2, 3, -1}, {4, 0.25, 2}});
            INDArray c = rows(type, new double[][] {{-1, 0.5, 2}, {3, 2, -0.5}});
            INDArray mean = Nd4j.create(type, 2, 3).assign(Double.NaN);
            MergeKernel.average(mean, a, b, c);
            // (1+2-1)/3, (-2+3+0.5)/3, (3-1+2)/3; (0.5+4+3)/3, (4+0.25+2)/3, (-1+2-0.5)/3.
            INDArray expected = rows(type, new double[][] {{2.0 / 3, 1.5 / 3, 4.0 / 3}, {7.5 / 3, 6.25 / 3, 0.5 / 3}});
            assertEquals(0, expected.sub(mean).amaxNumber().doubleValue(), type == DataType.FLOAT ? 1e-6 : 1e-15,
                    type + ": " + mean);
            MergeKernel.average(mean, a, b);
            assertEquals(rows(type, new double[][] {{1.5, 0.5, 1}, {2.25, 2.125, 0.5}}), mean, type.toString());
        }
    }

    @Test
    void leadingRowsOfLargerBuffersAreWhatTheNetworkPasses() {
        for (DataType type : TYPES) {
            // The last batch of 2 in buffers of 4 rows: the rows after it are left alone.
            INDArray a = Nd4j.rand(type, 4, 2, 2, 3).subi(0.5);
            INDArray b = Nd4j.rand(type, 4, 2, 2, 3).subi(0.5);
            INDArray productBuffer = Nd4j.create(type, 4, 2, 2, 3).assign(7);
            INDArray meanBuffer = Nd4j.create(type, 4, 2, 2, 3).assign(7);
            MergeKernel.multiply(productBuffer.get(interval(0, 2)), a.get(interval(0, 2)), b.get(interval(0, 2)));
            MergeKernel.average(meanBuffer.get(interval(0, 2)), a.get(interval(0, 2)), b.get(interval(0, 2)));
            assertEquals(a.get(interval(0, 2)).mul(b.get(interval(0, 2))), productBuffer.get(interval(0, 2)), type.toString());
            assertEquals(a.get(interval(0, 2)).add(b.get(interval(0, 2))).divi(2), meanBuffer.get(interval(0, 2)),
                    type.toString());
            INDArray untouched = Nd4j.create(type, 2, 2, 2, 3).assign(7);
            assertEquals(untouched, productBuffer.get(interval(2, 4)), type.toString());
            assertEquals(untouched, meanBuffer.get(interval(2, 4)), type.toString());
        }
    }
}
