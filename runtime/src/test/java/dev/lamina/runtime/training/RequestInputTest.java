package dev.lamina.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A request's input copied into one kept array, each request's own values in it. */
class RequestInputTest {

    @Test
    void eachRequestIsCopiedIntoTheSameArray() {
        RequestInput requests = new RequestInput();
        INDArray dataset = Nd4j.rand(DataType.FLOAT, 10, 28, 28);
        INDArray first = dataset.get(NDArrayIndex.interval(3, 4));
        INDArray second = dataset.get(NDArrayIndex.interval(7, 8));
        INDArray kept = requests.of(first);
        assertNotSame(first, kept);
        assertEquals(first, kept, "row 3's values");
        assertSame(kept, requests.of(second), "the same array for a request of the same shape");
        assertEquals(second, kept, "row 7's values, read from the middle of the dataset");
        INDArray two = requests.of(dataset.get(NDArrayIndex.interval(0, 2)));
        assertEquals(dataset.get(NDArrayIndex.interval(0, 2)), two, "another shape, another array");
    }

    @Test
    void largeBatchedOrDoubleInputsAreNotCopied() {
        RequestInput requests = new RequestInput();
        INDArray large = Nd4j.create(DataType.FLOAT, 2, RequestInput.MAX_VALUES);
        assertSame(large, requests.of(large));
        INDArray batch = Nd4j.create(DataType.FLOAT, InferenceThreads.MAX_SAMPLES + 1, 4);
        assertSame(batch, requests.of(batch), "an evaluation's batch is no request");
        INDArray doubles = Nd4j.rand(DataType.DOUBLE, 1, 5);
        assertSame(doubles, requests.of(doubles));
    }
}
