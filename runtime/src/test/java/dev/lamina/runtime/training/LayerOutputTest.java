package dev.lamina.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lamina.dsl.Shape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A layer's arrays: made for the largest batch seen, their leading rows for a smaller one. */
class LayerOutputTest {

    /**
     * Requests smaller than an earlier batch get the same view of the buffer's leading rows call after
     * call (no view made per request), and a larger batch's new buffer is not read through a view of the old.
     */
    @Test
    void aSmallerBatchKeepsItsViewUntilTheBufferGrows() {
        LayerOutput dense = new LayerOutput("dense", "Dense", Shape.of(4), DataType.FLOAT, null, false, false);
        dense.startBatch(Nd4j.create(DataType.FLOAT, 8, 3));
        INDArray eight = dense.value();
        assertArrayEquals(new long[] {8, 4}, eight.shape());

        dense.startBatch(Nd4j.create(DataType.FLOAT, 1, 3));
        INDArray one = dense.value();
        dense.startBatch(Nd4j.create(DataType.FLOAT, 1, 3));
        assertSame(one, dense.value(), "the second request's view is the first's");
        eight.putScalar(0, 0, 5f);
        assertEquals(5f, one.getFloat(0, 0), "a view of the buffer's first row");

        dense.startBatch(Nd4j.create(DataType.FLOAT, 16, 3));
        INDArray sixteen = dense.value();
        sixteen.putScalar(0, 0, 9f);
        dense.startBatch(Nd4j.create(DataType.FLOAT, 1, 3));
        INDArray oneAgain = dense.value();
        assertNotSame(one, oneAgain);
        assertEquals(9f, oneAgain.getFloat(0, 0), "a view of the grown buffer, not of the old one");

        dense.startBatch(Nd4j.create(DataType.FLOAT, 2, 3));
        assertArrayEquals(new long[] {2, 4}, dense.value().shape());
        assertArrayEquals(new long[] {2, 4}, dense.gradient().shape());
    }
}
