package dev.lamina.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MultiLabelCountsTest {
    @Test
    void thresholdsEachOutputAndMicroAveragesOverAllLabels() {
        // Y = np.array([[1,0,1],[0,1,0],[1,1,0],[0,0,0],[1,0,0]])
        // P = np.array([[0.9,0.6,0.4],[0.2,0.7,0.5],[0.51,0.3,0.8],[0.1,0.2,0.7],[0.5,0.9,0.1]])
        // precision_score(Y, P > 0.5, average='micro') -> 0.42857142857142855 (3/7),
        // recall_score(...) -> 0.5, f1_score(...) -> 0.4615384615384615 (6/13)
        float[] labels = {1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0};
        float[] probabilities = {0.9f, 0.6f, 0.4f, 0.2f, 0.7f, 0.5f, 0.51f, 0.3f, 0.8f, 0.1f, 0.2f, 0.7f, 0.5f, 0.9f,
            0.1f};
        MultiLabelCounts counts = new MultiLabelCounts();
        // Two batches: two samples, then three.
        counts.add(Arrays.copyOfRange(probabilities, 0, 6), Arrays.copyOfRange(labels, 0, 6));
        counts.add(Arrays.copyOfRange(probabilities, 6, 15), Arrays.copyOfRange(labels, 6, 15));
        assertEquals(3, counts.truePositives());
        assertEquals(4, counts.falsePositives());
        assertEquals(3, counts.falseNegatives());
        assertEquals(5, counts.trueNegatives());
        assertEquals(0.42857142857142855, counts.precision(), 1e-12);
        assertEquals(0.5, counts.recall(), 1e-12);
        assertEquals(0.4615384615384615, counts.f1(), 1e-12);
        assertEquals(8.0 / 15, counts.binaryAccuracy(), 1e-12);
    }

    @Test
    void isZeroWithNothingPredictedOrPresent() {
        MultiLabelCounts counts = new MultiLabelCounts();
        counts.add(new float[] {0.1f, 0.2f}, new float[] {0, 0});
        assertEquals(0.0, counts.precision());
        assertEquals(0.0, counts.recall());
        assertEquals(0.0, counts.f1());
        assertEquals(1.0, counts.binaryAccuracy());
    }
}
