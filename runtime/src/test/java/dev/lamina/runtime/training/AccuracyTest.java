package dev.lamina.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.runtime.data.OneHot;
import dev.lamina.runtime.kernels.Buffers;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AccuracyTest {
    @Test
    void countsTheRowsWhoseLargestOutputIsTheLabel() {
        INDArray outputs = Nd4j.createFromArray(new float[][] {
                {0.1f, 0.7f, 0.2f},   // 1, right
                {0.5f, 0.3f, 0.2f},   // 0, wrong
                {0.2f, 0.2f, 0.6f},   // 2, right
                {0.4f, 0.4f, 0.2f}}); // a tie: the first, 0, as argmax takes it; wrong
        INDArray labels = OneHot.encode(new int[] {1, 2, 2, 1}, 3, DataType.FLOAT);
        assertEquals(2, Accuracy.correct(outputs, labels));
    }

    @Test
    void readsOnlyTheRowsOfAView() {
        // The last, smaller batch of an epoch: the leading rows of larger buffers.
        INDArray outputs = Nd4j.createFromArray(new float[][] {{0.9f, 0.1f}, {0.2f, 0.8f}, {0.7f, 0.3f}});
        INDArray labels = OneHot.encode(new int[] {0, 1, 1}, 2, DataType.FLOAT);
        assertEquals(2, Accuracy.correct(Buffers.rows(outputs, 2), Buffers.rows(labels, 2)));
        assertEquals(2, Accuracy.correct(outputs, labels));
    }
}
