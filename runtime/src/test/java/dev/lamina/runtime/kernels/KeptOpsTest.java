package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Products run in kept contexts equal {@code Nd4j.gemm}'s, call after call: new first inputs each time
 * (as requests come), the other changed in place (as an optimizer steps a kernel), transposes, views of
 * rows and a smaller last batch; a thread keeps no more contexts than the bound, and only one network's.
 */
class KeptOpsTest {
    @ParameterizedTest
    @CsvSource({"false, false", "true, false", "false, true"})
    void everyCallEqualsNd4jsGemm(boolean transposeA, boolean transposeB) {
        Nd4j.getRandom().setSeed(21);
        int rows = 5;
        int inner = 7;
        int columns = 3;
        INDArray b = Nd4j.rand(DataType.FLOAT, transposeB ? columns : inner, transposeB ? inner : columns).subi(0.5f);
        INDArray c = Nd4j.create(DataType.FLOAT, rows, columns);
        for (int call = 0; call < 5; call++) {
            INDArray a = Nd4j.rand(DataType.FLOAT, transposeA ? inner : rows, transposeA ? rows : inner).subi(0.5f);
            if (call == 3) {
                b.muli(-2); // in place, as an optimizer's step: the kept context reads the same memory
            }
            KeptOps.matmul(a, b, c, transposeA, transposeB);
            INDArray expected = Nd4j.create(DataType.FLOAT, rows, columns);
            Nd4j.gemm(a, b, expected, transposeA, transposeB, 1.0, 0.0);
            assertEquals(expected, c, "call " + call);
        }
    }

    /** A batch that is a view of a dataset's rows at an offset, then a smaller last batch into the output's leading rows. */
    @Test
    void viewsOfRowsAndASmallerLastBatch() {
        Nd4j.getRandom().setSeed(22);
        INDArray data = Nd4j.rand(DataType.FLOAT, 20, 6);
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 6, 4);
        INDArray buffer = Nd4j.create(DataType.FLOAT, 8, 4);
        for (int from = 0; from < 20; from += 8) {
            int to = Math.min(20, from + 8);
            INDArray batch = data.get(NDArrayIndex.interval(from, to));
            INDArray out = Buffers.rows(buffer, to - from);
            KeptOps.matmul(batch, kernel, out, false, false);
            assertTrue(batch.mmul(kernel).equalsWithEps(out, 1e-6), "rows " + from + " to " + to);
        }
    }

    /** A pass of another network drops the contexts kept, which would keep the first network's arrays alive. */
    @Test
    void aPassOfAnotherNetworkDropsTheContextsKept() {
        Object first = new Object();
        Object second = new Object();
        KeptOps.passOf(first);
        KeptOps.matmul(Nd4j.rand(DataType.FLOAT, 2, 3), Nd4j.rand(DataType.FLOAT, 3, 2), Nd4j.create(DataType.FLOAT, 2, 2),
                false, false);
        assertTrue(KeptOps.keptByThisThread() > 0);
        KeptOps.passOf(first);
        assertTrue(KeptOps.keptByThisThread() > 0, "the same network keeps its contexts");
        KeptOps.passOf(second);
        assertEquals(0, KeptOps.keptByThisThread());
    }

    @Test
    void aThreadKeepsNoMoreThanTheBound() throws InterruptedException {
        Thread thread = new Thread(() -> {
            INDArray a = Nd4j.rand(DataType.FLOAT, 2, 3);
            INDArray b = Nd4j.rand(DataType.FLOAT, 3, 2);
            for (int i = 0; i < KeptOps.KEPT + 10; i++) {
                KeptOps.matmul(a, b, Nd4j.create(DataType.FLOAT, 2, 2), false, false);
            }
            assertEquals(KeptOps.KEPT, KeptOps.keptByThisThread());
        });
        Throwable[] failure = new Throwable[1];
        thread.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
        thread.start();
        thread.join();
        assertNull(failure[0]);
    }
}
