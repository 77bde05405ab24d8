package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Column sums in Java over host memory (float32, whole arrays or leading rows) and by ND4J (the rest). */
class ColumnSumsTest {
    @Test
    void sumsTheColumnsOfWholeArraysAndOfLeadingRows() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 7, 5).subi(0.5);
        INDArray leading = Buffers.rows(x, 3);
        assertTrue(HostMemory.holds(x) && HostMemory.holds(leading), "both run the Java loop");
        assertSums(x);
        assertSums(leading);
        assertSums(x.castTo(DataType.DOUBLE)); // ND4J's sum
    }

    private static void assertSums(INDArray x) {
        double[] expected = new double[(int) x.size(1)];
        for (int r = 0; r < x.size(0); r++) {
            for (int c = 0; c < expected.length; c++) {
                expected[c] += x.getDouble(r, c);
            }
        }
        INDArray sums = Nd4j.valueArrayOf(new long[] {expected.length}, 9.0, x.dataType());
        ColumnSums.of(x, sums);
        assertArrayEquals(expected, sums.toDoubleVector(), 1e-6);
    }
}
