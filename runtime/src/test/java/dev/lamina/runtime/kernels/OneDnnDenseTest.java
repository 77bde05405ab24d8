package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.lamina.runtime.SystemProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A request's Dense layer on oneDNN's inner product, through {@link DenseKernel#forward} as the
 * generated code calls it: against the product, bias and activation computed in double precision by
 * ND4J, for every activation, with and without a bias, on rows wherever they lie in their arrays.
 */
class OneDnnDenseTest {

    @ParameterizedTest
    @CsvSource({"LINEAR, true, 1", "LINEAR, false, 3", "RELU, true, 1", "RELU, false, 32", "LEAKY_RELU, true, 5",
            "ELU, true, 5", "SIGMOID, true, 1", "TANH, false, 5", "SOFTMAX, true, 1", "SOFTMAX, false, 7"})
    void matchesTheDoubleComputation(Activation activation, boolean withBias, int rows) {
        Nd4j.getRandom().setSeed(rows * 7L + activation.ordinal());
        INDArray x = Nd4j.rand(DataType.DOUBLE, rows, 37).subi(0.5).muli(4);
        INDArray kernel = Nd4j.rand(DataType.DOUBLE, 37, 19).subi(0.5);
        INDArray bias = withBias ? Nd4j.rand(DataType.DOUBLE, 19).subi(0.5) : null;
        INDArray expected = x.mmul(kernel);
        if (withBias) {
            expected.addiRowVector(bias);
        }
        Activations.forward(activation, expected);

        INDArray x32 = x.castTo(DataType.FLOAT);
        INDArray kernel32 = kernel.castTo(DataType.FLOAT);
        INDArray bias32 = withBias ? bias.castTo(DataType.FLOAT) : null;
        INDArray y = Nd4j.create(DataType.FLOAT, rows, 19);
        assertTrue(OneDnnDense.takes(x32, kernel32, bias32, y), "a request's rows are oneDNN's");
        DenseKernel.forward(x32, kernel32, bias32, activation, y, false);
        assertClose(expected, y, activation + " with " + rows + " rows");
    }

    /** A NaN in a request's input comes out as NaN whatever the activation, as in Keras and in training. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void aNanInTheInputIsNotHidden(Activation activation) {
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 20);
        x.putScalar(0, 3, Float.NaN);
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 20, 16).subi(0.5);
        INDArray y = Nd4j.create(DataType.FLOAT, 1, 16);
        DenseKernel.forward(x, kernel, Nd4j.rand(DataType.FLOAT, 16), activation, y, false);
        for (int unit = 0; unit < 16; unit++) {
            assertTrue(Float.isNaN(y.getFloat(0, unit)), activation + " unit " + unit + ": " + y);
        }
    }

    /** A training pass keeps ND4J's arithmetic, whatever its rows: it makes no oneDNN plan. */
    @Test
    void aTrainingPassStaysWithNd4j() throws Exception {
        ExecutorService fresh = Executors.newSingleThreadExecutor();
        try {
            int plans = fresh.submit(() -> {
                INDArray x = Nd4j.rand(DataType.FLOAT, 4, 64);
                DenseKernel.forward(x, Nd4j.rand(DataType.FLOAT, 64, 32), null, Activation.RELU,
                        Nd4j.create(DataType.FLOAT, 4, 32), true);
                return OneDnnDense.plansOfThisThread();
            }).get();
            assertEquals(0, plans);
        } finally {
            fresh.shutdownNow();
        }
    }

    /** Rows from the middle of a dataset, into the leading rows of a larger output buffer (a network's smaller batch). */
    @Test
    void readsRowsAtAnOffsetAndWritesOnlyItsRows() {
        Nd4j.getRandom().setSeed(3);
        INDArray dataset = Nd4j.rand(DataType.FLOAT, 10, 12);
        INDArray rows = dataset.get(NDArrayIndex.interval(4, 6), NDArrayIndex.all());
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 12, 5).subi(0.5);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 5);
        INDArray buffer = Nd4j.valueArrayOf(new long[] {8, 5}, 7f, DataType.FLOAT);
        INDArray y = buffer.get(NDArrayIndex.interval(0, 2));
        assertTrue(rows.offset() > 0 && OneDnnDense.takes(rows, kernel, bias, y), "rows at an offset, which oneDNN takes");
        DenseKernel.forward(rows, kernel, bias, Activation.LINEAR, y, false);

        INDArray expected = rows.castTo(DataType.DOUBLE).mmul(kernel.castTo(DataType.DOUBLE))
                .addiRowVector(bias.castTo(DataType.DOUBLE));
        assertClose(expected, y, "rows 4 and 5");
        assertEquals(7f, buffer.getFloat(2, 0), "the row after the batch is untouched");
    }

    /** Nothing of the weights is kept: a kernel changed in place (an optimizer's step) is read as it is now. */
    @Test
    void readsTheKernelAsItIsNow() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 1, 4);
        INDArray kernel = Nd4j.ones(DataType.FLOAT, 4, 3);
        INDArray y = Nd4j.create(DataType.FLOAT, 1, 3);
        DenseKernel.forward(x, kernel, null, Activation.LINEAR, y, false);
        assertEquals(Nd4j.valueArrayOf(new long[] {1, 3}, 4f, DataType.FLOAT), y);
        kernel.muli(2);
        DenseKernel.forward(x, kernel, null, Activation.LINEAR, y, false);
        assertEquals(Nd4j.valueArrayOf(new long[] {1, 3}, 8f, DataType.FLOAT), y);
    }

    /** A primitive runs on the threads it was made for: a call on another count gets a plan of its own. */
    @Test
    void eachThreadCountGetsItsOwnPlan() throws Exception {
        ExecutorService fresh = Executors.newSingleThreadExecutor();
        try {
            fresh.submit(() -> {
                INDArray x = Nd4j.rand(DataType.FLOAT, 1, 64);
                INDArray kernel = Nd4j.rand(DataType.FLOAT, 64, 32).subi(0.5);
                INDArray onTwo = Nd4j.create(DataType.FLOAT, 1, 32);
                INDArray onOne = onTwo.ulike();
                NativeThreads.setForThisThread(2);
                DenseKernel.forward(x, kernel, null, Activation.RELU, onTwo, false);
                DenseKernel.forward(x, kernel, null, Activation.RELU, onTwo, false);
                assertEquals(1, OneDnnDense.plansOfThisThread());
                NativeThreads.setForThisThread(1);
                DenseKernel.forward(x, kernel, null, Activation.RELU, onOne, false);
                assertEquals(2, OneDnnDense.plansOfThisThread(), "one plan for each thread count");
                assertTrue(onTwo.equalsWithEps(onOne, 1e-6), "the same outputs on either");
                return null;
            }).get();
        } finally {
            fresh.shutdownNow();
        }
    }

    /** Threads computing at once, each with its own plans and inputs, each get their own outputs. */
    @Test
    void concurrentRequestsGetTheirOwnOutputs() throws Exception {
        Nd4j.getRandom().setSeed(5);
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 50, 20).subi(0.5);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 20);
        int threads = 8;
        List<INDArray> inputs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            inputs.add(Nd4j.rand(DataType.FLOAT, 1 + t % 3, 50));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                INDArray x = inputs.get(t);
                results.add(pool.submit(() -> {
                    INDArray expected = x.castTo(DataType.DOUBLE).mmul(kernel.castTo(DataType.DOUBLE))
                            .addiRowVector(bias.castTo(DataType.DOUBLE));
                    Activations.forward(Activation.TANH, expected);
                    INDArray y = Nd4j.create(DataType.FLOAT, x.size(0), 20);
                    for (int call = 0; call < 200; call++) {
                        DenseKernel.forward(x, kernel, bias, Activation.TANH, y, false);
                        if (!expected.castTo(DataType.FLOAT).equalsWithEps(y, 2e-5)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (int t = 0; t < threads; t++) {
                assertTrue(results.get(t).get(), "thread " + t + " got its own outputs in all 200 calls");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Training batches stay with ND4J's gemm; double precision and mismatched shapes are not oneDNN's (ND4J names a mismatch). */
    @Test
    void leavesToNd4jWhatIsNotARequestsFloatProduct() {
        INDArray kernel = Nd4j.create(DataType.FLOAT, 10, 4);
        assertTrue(OneDnnDense.takes(Nd4j.create(DataType.FLOAT, 32, 10), kernel, null, Nd4j.create(DataType.FLOAT, 32, 4)));
        assertFalse(OneDnnDense.takes(Nd4j.create(DataType.FLOAT, 33, 10), kernel, null, Nd4j.create(DataType.FLOAT, 33, 4)),
                "a training batch");
        assertFalse(OneDnnDense.takes(Nd4j.create(DataType.DOUBLE, 2, 10), kernel.castTo(DataType.DOUBLE), null,
                Nd4j.create(DataType.DOUBLE, 2, 4)), "double precision");
        assertFalse(OneDnnDense.takes(Nd4j.create(DataType.FLOAT, 2, 9), kernel, null, Nd4j.create(DataType.FLOAT, 2, 4)),
                "inputs that are not the kernel's");
        assertFalse(OneDnnDense.takes(Nd4j.create(DataType.FLOAT, 2, 10), kernel, Nd4j.create(DataType.FLOAT, 5),
                Nd4j.create(DataType.FLOAT, 2, 4)), "a bias that is not the units'");
        SystemProperties.with(OneDnn.PROPERTY, "false", () -> assertFalse(
                OneDnnDense.takes(Nd4j.create(DataType.FLOAT, 2, 10), kernel, null, Nd4j.create(DataType.FLOAT, 2, 4)),
                "with oneDNN off"));
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertTrue(expected.castTo(DataType.FLOAT).equalsWithEps(actual, 2e-5), what + ": " + actual + " against " + expected);
    }
}
