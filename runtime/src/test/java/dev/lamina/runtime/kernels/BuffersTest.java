package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Copies of arrays' values into Java, whole or leading rows or strided views, and reshaped views. */
class BuffersTest {
    private static final INDArray MATRIX = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});

    @Test
    void copiesAWholeArrayAndTheLeadingRowsOfOne() {
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, Buffers.hostValues(MATRIX));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Buffers.hostValues(Buffers.rows(MATRIX, 2)));
    }

    @Test
    void copiesOtherLayoutsAndTypesInRowMajorOrder() {
        INDArray columns = MATRIX.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));
        INDArray transposed = MATRIX.transpose();
        assertFalse(HostMemory.holds(columns) || HostMemory.holds(transposed), "neither is its buffer's start in order");
        assertArrayEquals(new double[] {2, 3, 5, 6, 8, 9}, Buffers.hostValues(columns));
        assertArrayEquals(new double[] {1, 4, 7, 2, 5, 8, 3, 6, 9}, Buffers.hostValues(transposed));
        assertArrayEquals(new double[] {0.5, -2}, Buffers.hostValues(Nd4j.createFromArray(0.5, -2.0)));
    }

    @Test
    void reshapingAnArrayAgainGivesTheSameViewOfItsMemory() {
        INDArray batch = Nd4j.create(DataType.FLOAT, 4, 2, 3);
        INDArray flat = Buffers.reshape(batch, 4, 6);
        assertSame(flat, Buffers.reshape(batch, 4, 6), "recalled");
        assertNotSame(flat, Buffers.reshape(batch, 8, 3), "another shape is another view");
        flat.putScalar(1, 5, 7f);
        assertEquals(7f, batch.getFloat(1, 1, 2), "a view, not a copy");
        // More arrays than the cache keeps: each still gets a view of its own memory.
        for (int i = 0; i < 20; i++) {
            INDArray other = Nd4j.valueArrayOf(new long[] {2, 2}, i, DataType.FLOAT);
            assertEquals(i, Buffers.reshape(other, 4).getFloat(3));
        }
        INDArray rows = Buffers.rows(Nd4j.create(DataType.FLOAT, 6, 2, 3), 4);
        assertArrayEquals(new long[] {4, 6}, Buffers.reshape(rows, 4, 6).shape());
    }
}
