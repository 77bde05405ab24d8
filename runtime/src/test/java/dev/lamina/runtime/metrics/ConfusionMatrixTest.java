package dev.lamina.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values from scikit-learn 1.2.1 (Debian's python3-sklearn), zero_division=0, with
 * t = [0,0,0,0,1,1,1,2,2,0,1] and p = [0,1,0,0,1,0,1,0,1,0,1] for the three classes.
 */
class ConfusionMatrixTest {
    private static final double EPS = 1e-12;
    private static final int[] ACTUAL = {0, 0, 0, 0, 1, 1, 1, 2, 2, 0, 1};
    private static final int[] PREDICTED = {0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1};

    private static ConfusionMatrix threeClasses() {
        ConfusionMatrix matrix = new ConfusionMatrix(List.of("cat", "dog", "bird"));
        matrix.add(ACTUAL, PREDICTED);
        return matrix;
    }

    @Test
    void countsTrueClassesByRowAndPredictionsByColumn() {
        // confusion_matrix(t, p).tolist()
        long[][] expected = {{4, 1, 0}, {1, 3, 0}, {1, 1, 0}};
        ConfusionMatrix matrix = threeClasses();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], matrix.counts()[i], "row " + i);
        }
        assertEquals(11, matrix.total());
        assertEquals(2, matrix.support(2));
        assertEquals(0, matrix.predictedCount(2));
        // accuracy_score(t, p)
        assertEquals(0.6363636363636364, matrix.accuracy(), EPS);
    }

    @Test
    void aClassNeverPredictedHasPrecisionZeroAsScikitLearnsZeroDivision() {
        ConfusionMatrix matrix = threeClasses();
        // precision_score(t, p, average=None, zero_division=0) -> [0.66666667, 0.6, 0.]
        assertEquals(2.0 / 3, matrix.precision(0), EPS);
        assertEquals(0.6, matrix.precision(1), EPS);
        assertEquals(0.0, matrix.precision(2), EPS);
        // recall_score(t, p, average=None, zero_division=0) -> [0.8, 0.75, 0.]
        assertEquals(0.8, matrix.recall(0), EPS);
        assertEquals(0.75, matrix.recall(1), EPS);
        assertEquals(0.0, matrix.recall(2), EPS);
        // f1_score(t, p, average=None, zero_division=0) -> [0.72727273, 0.66666667, 0.]
        assertEquals(8.0 / 11, matrix.f1(0), EPS);
        assertEquals(2.0 / 3, matrix.f1(1), EPS);
        assertEquals(0.0, matrix.f1(2), EPS);
    }

    @Test
    void macroAveragesAreMeansOverClassesAndMacroF1IsTheMeanOfF1s() {
        ConfusionMatrix matrix = threeClasses();
        // precision_score(t, p, average='macro', zero_division=0), and recall_score, f1_score alike
        assertEquals(0.4222222222222222, matrix.macroPrecision(), EPS);
        assertEquals(0.5166666666666667, matrix.macroRecall(), EPS);
        // Not 2PR / (P + R) = 0.464694...: scikit-learn averages the per-class F1.
        assertEquals(0.46464646464646453, matrix.macroF1(), EPS);
    }

    @Test
    void binaryFiguresAreThoseOfClassOne() {
        // t = [1,0,1,1,0,0,1,0,1,1,0], p = [1,1,0,1,0,0,1,1,1,0,1]
        // confusion_matrix -> [[2, 3], [2, 4]];
        // precision_score(t, p), recall_score(t, p), f1_score(t, p) -> 0.5714285714285714, 0.6666666666666666,
        // 0.6153846153846153
        ConfusionMatrix matrix = new ConfusionMatrix(2);
        matrix.add(new int[] {1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0}, new int[] {1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1});
        assertArrayEquals(new long[] {2, 3}, matrix.counts()[0]);
        assertArrayEquals(new long[] {2, 4}, matrix.counts()[1]);
        assertEquals(0.5714285714285714, matrix.binaryPrecision(), EPS);
        assertEquals(0.6666666666666666, matrix.binaryRecall(), EPS);
        assertEquals(0.6153846153846153, matrix.binaryF1(), EPS);
        assertThrows(IllegalStateException.class, () -> threeClasses().binaryF1());
    }

    @Test
    void sigmoidOutputsPredictOneAboveOneHalf() {
        ConfusionMatrix matrix = new ConfusionMatrix(2);
        // 0.5 itself is class 0, as Keras' threshold test (y_pred > 0.5).
        matrix.addProbabilities(new float[] {0.9f, 0.5f, 0.51f, 0.1f}, new float[] {1, 1, 0, 0});
        assertArrayEquals(new long[] {1, 1}, matrix.counts()[0]);
        assertArrayEquals(new long[] {1, 1}, matrix.counts()[1]);
        assertThrows(IllegalArgumentException.class,
                () -> matrix.addProbabilities(new float[] {0.9f}, new float[] {0.9f}));
    }

    @Test
    void scoresAndOneHotBatchesGiveTheSameMatrixAsClassIndices() {
        ConfusionMatrix fromScores = new ConfusionMatrix(3);
        ConfusionMatrix fromOneHot = new ConfusionMatrix(3);
        int split = 4;
        for (int[] range : new int[][] {{0, split}, {split, ACTUAL.length}}) {
            int rows = range[1] - range[0];
            float[] outputs = new float[rows * 3];
            float[] oneHot = new float[rows * 3];
            int[] labels = new int[rows];
            for (int r = 0; r < rows; r++) {
                int sample = range[0] + r;
                // Scores peaked at the prediction, a tie below it for the argmax to ignore.
                outputs[r * 3 + PREDICTED[sample]] = 0.6f;
                outputs[r * 3 + (PREDICTED[sample] + 1) % 3] = 0.2f;
                outputs[r * 3 + (PREDICTED[sample] + 2) % 3] = 0.2f;
                oneHot[r * 3 + ACTUAL[sample]] = 1f;
                labels[r] = ACTUAL[sample];
            }
            fromScores.addScores(outputs, labels);
            fromOneHot.addOneHot(outputs, oneHot);
        }
        long[][] expected = threeClasses().counts();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], fromScores.counts()[i]);
            assertArrayEquals(expected[i], fromOneHot.counts()[i]);
        }
    }

    @Test
    void printsATableWithNamesAsHeaders() {
        String expected = String.join("\n",
                "true \\ predicted  cat  dog  bird",
                "             cat    4    1     0",
                "             dog    1    3     0",
                "            bird    1    1     0");
        assertEquals(expected, threeClasses().toString());
    }

    @Test
    void reportsAsClassificationReport() {
        // print(classification_report(t, p, target_names=['cat', 'dog', 'bird'], digits=4, zero_division=0)),
        // less its weighted average
        String expected = String.join("\n",
                "           precision     recall         f1    support",
                "      cat     0.6667     0.8000     0.7273          5",
                "      dog     0.6000     0.7500     0.6667          4",
                "     bird     0.0000     0.0000     0.0000          2",
                "macro avg     0.4222     0.5167     0.4646         11",
                " accuracy                           0.6364         11");
        assertEquals(expected, threeClasses().report());
    }

    @Test
    void rejectsClassesOutOfRangeAndBatchesOfOtherLengths() {
        ConfusionMatrix matrix = new ConfusionMatrix(3);
        assertThrows(IllegalArgumentException.class, () -> matrix.add(3, 0));
        assertThrows(IllegalArgumentException.class, () -> matrix.add(0, -1));
        assertThrows(IllegalArgumentException.class, () -> matrix.addScores(new float[7], new int[2]));
        assertThrows(IllegalArgumentException.class, () -> matrix.addScores(new float[6], new int[3]));
        assertThrows(IllegalArgumentException.class, () -> matrix.add(new int[] {0, 1, 5}, new int[] {0, 1, 2}));
        assertEquals(0, matrix.total(), "a rejected batch counts nothing");
        assertEquals(0.0, matrix.accuracy());
    }
}
