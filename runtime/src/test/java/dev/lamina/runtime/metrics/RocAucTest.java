package dev.lamina.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expected values from scikit-learn 1.2.1's roc_auc_score, or from the pairwise definition. */
class RocAucTest {
    private static final double EPS = 1e-12;

    private static double auc(float[] scores, float[] labels) {
        RocAuc auc = new RocAuc();
        auc.add(scores, labels);
        return auc.value();
    }

    @Test
    void countsTiesAsHalf() {
        // roc_auc_score([0,0,1,1,1,0,1,1], [0.1,0.4,0.35,0.8,0.4,0.4,0.9,0.1]) -> 0.6333333333333333
        float[] scores = {0.1f, 0.4f, 0.35f, 0.8f, 0.4f, 0.4f, 0.9f, 0.1f};
        float[] labels = {0, 0, 1, 1, 1, 0, 1, 1};
        assertEquals(0.6333333333333333, auc(scores, labels), EPS);
    }

    @Test
    void ordersNegativeScoresAndTiesMinusZeroWithZero() {
        // roc_auc_score([1,0,1,1,0,1,0,0,1], [-2.5,0.0,-0.0,1e-3,-1e-3,3.0,0.0,-2.5,7.0]) -> 0.775
        float[] scores = {-2.5f, 0.0f, -0.0f, 1e-3f, -1e-3f, 3.0f, 0.0f, -2.5f, 7.0f};
        float[] labels = {1, 0, 1, 1, 0, 1, 0, 0, 1};
        assertEquals(0.775, auc(scores, labels), EPS);
    }

    @Test
    void isOneForPerfectScoresZeroForInvertedAndOneHalfForAConstant() {
        float[] labels = {0, 1, 0, 1, 1};
        assertEquals(1.0, auc(new float[] {0.1f, 0.9f, 0.2f, 0.8f, 0.7f}, labels), EPS);
        assertEquals(0.0, auc(new float[] {0.9f, 0.1f, 0.8f, 0.2f, 0.3f}, labels), EPS);
        assertEquals(0.5, auc(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f}, labels), EPS);
    }

    @Test
    void isNaNWithOneClassOnly() {
        assertTrue(Double.isNaN(auc(new float[] {0.1f, 0.9f}, new float[] {1, 1})));
        assertTrue(Double.isNaN(auc(new float[] {0.1f, 0.9f}, new float[] {0, 0})));
        assertTrue(Double.isNaN(new RocAuc().value()));
    }

    @Test
    void batchesOfAnySizeEqualThePairwiseDefinition() {
        // Scores on a coarse grid, so many tie, past the first capacity of the arrays.
        Random random = new Random(7);
        int n = 3000;
        float[] scores = new float[n];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(3) == 0 ? 1 : 0;
            scores[i] = Math.round((random.nextGaussian() + labels[i]) * 4) / 4f;
        }
        double pairs = 0;
        long positives = 0;
        long negatives = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] == 1) {
                positives++;
                for (int j = 0; j < n; j++) {
                    if (labels[j] == 0) {
                        pairs += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    }
                }
            } else {
                negatives++;
            }
        }
        double expected = pairs / (positives * negatives);

        RocAuc auc = new RocAuc();
        int[] ends = {1, 500, 1700, 1701, n};
        int start = 0;
        for (int end : ends) {
            auc.add(Arrays.copyOfRange(scores, start, end), Arrays.copyOfRange(labels, start, end));
            start = end;
        }
        assertEquals(n, auc.count());
        assertEquals(positives, auc.positives());
        assertEquals(expected, auc.value(), EPS);
        assertEquals(auc.value(), auc(scores, labels), 0.0);
        auc.reset();
        assertEquals(0, auc.count());
    }

    @Test
    void rejectsNaNScoresAndLabelsNotZeroOrOne() {
        RocAuc auc = new RocAuc();
        assertThrows(IllegalArgumentException.class, () -> auc.add(new float[] {Float.NaN}, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> auc.add(new float[] {0.3f}, new float[] {0.9f}));
        assertEquals(0, auc.count(), "a rejected batch adds nothing");
    }

    /**
     * A step's running area sorts again only as the samples grow by an eighth: 2,000 batches of one
     * sample sort about log(2000) / log(9/8) = 65 times, not 2,000; each value it gives is the exact
     * area over most of the samples, and the same once it was refreshed.
     */
    @Test
    void theRunningAreaSortsLogarithmicallyOftenAndIsTheExactOneWhenRefreshed() {
        Random random = new Random(4);
        RocAuc auc = new RocAuc();
        int refreshes = 0;
        double last = Double.NaN;
        for (int i = 0; i < 2000; i++) {
            boolean positive = i % 3 == 0;
            auc.add(new float[] {(float) random.nextGaussian() + (positive ? 1 : 0)}, new float[] {positive ? 1 : 0});
            double running = auc.runningValue();
            if (!(running == last || Double.isNaN(running) && Double.isNaN(last))) {
                refreshes++;
                int before = auc.sorts();
                assertEquals(auc.value(), running, EPS, "refreshed at " + (i + 1) + " samples: exact");
                assertEquals(before + 1, auc.sorts());
            }
            last = running;
        }
        assertTrue(auc.sorts() - refreshes < 80, auc.sorts() + " sorts");
        assertTrue(refreshes > 30, refreshes + " refreshes");
        assertEquals(auc.value(), auc.runningValue(), 0.01, "within a hundredth of the exact area at the end");
        auc.reset();
        assertTrue(Double.isNaN(auc.runningValue()));
    }
}
