package dev.lamina.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TopKAccuracyTest {
    @Test
    void countsTheTrueClassAmongTheKHighest() {
        // The example of keras.ops.in_top_k's docstring: targets [2, 5, 3], k=3 -> [True, False, True];
        // its second row has no class 5, so here it is class 0, which is last.
        float[] outputs = {
            0.1f, 0.4f, 0.6f, 0.9f, 0.5f,
            0.1f, 0.7f, 0.9f, 0.8f, 0.3f,
            0.1f, 0.6f, 0.9f, 0.9f, 0.5f};
        TopKAccuracy top3 = new TopKAccuracy(3, 5);
        top3.add(outputs, new int[] {2, 0, 3});
        assertEquals(2, top3.correct());
        assertEquals(2.0 / 3, top3.value(), 1e-12);
    }

    @Test
    void classesTiedAcrossTheKthPlaceAreAllIn() {
        // Keras 3's in_top_k: rank = 1 + count(scores > score of the label); in if rank <= k.
        float[] scores = {0.5f, 0.3f, 0.3f, 0.1f};
        assertTrue(TopKAccuracy.inTopK(scores, 0, 4, 1, 2));
        assertTrue(TopKAccuracy.inTopK(scores, 0, 4, 2, 2), "tied with class 1 for second place");
        assertFalse(TopKAccuracy.inTopK(scores, 0, 4, 3, 3));
        assertTrue(TopKAccuracy.inTopK(new float[] {0.4f, 0.4f, 0.2f}, 0, 3, 1, 1), "tied for first");
        assertFalse(TopKAccuracy.inTopK(new float[] {Float.NaN, 0.4f, 0.2f}, 0, 3, 0, 2), "NaN counts as -inf");
    }

    @Test
    void atKOneEqualsAccuracyWhenScoresDoNotTie() {
        Random random = new Random(3);
        int classes = 7;
        ConfusionMatrix matrix = new ConfusionMatrix(classes);
        TopKAccuracy top1 = new TopKAccuracy(1, classes);
        for (int rows : new int[] {32, 32, 5}) {
            float[] outputs = new float[rows * classes];
            float[] oneHot = new float[rows * classes];
            int[] labels = new int[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = random.nextInt(classes);
                oneHot[r * classes + labels[r]] = 1;
                for (int c = 0; c < classes; c++) {
                    outputs[r * classes + c] = random.nextFloat() + (c == labels[r] ? 0.3f : 0);
                }
            }
            matrix.addScores(outputs, labels);
            top1.addOneHot(outputs, oneHot);
        }
        assertEquals(69, top1.count());
        assertTrue(top1.correct() > 0 && top1.correct() < 69, "a test that could fail either way");
        assertEquals(matrix.accuracy(), top1.value(), 1e-15);
    }

    @Test
    void isAlwaysRightWhenKCoversEveryClass() {
        TopKAccuracy top3 = new TopKAccuracy(3, 3);
        top3.add(new float[] {0.9f, 0.05f, 0.05f, 0.2f, 0.7f, 0.1f}, new int[] {2, 0});
        assertEquals(1.0, top3.value());
    }
}
