package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.callbacks.CsvLogger;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.metrics.ConfusionMatrix;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.Evaluation;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.runtime.training.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The metrics fit and evaluate report, against the same metrics computed here by plain loops from
 * {@code predict} and the labels: a yes is a probability above 0.5, AUC by its pairwise definition,
 * precision, recall and F1 of class 1 for two classes and their unweighted mean for three.
 */
class MetricWiringTest {
    private static final double TOLERANCE = 1e-9;

    /** Features uniform in [-1, 1]^4; the class from a noisy score, so that every metric is below 1. */
    private static Dataset classes(int samples, int classes, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[samples][4];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = random.nextDouble() * 2 - 1;
            }
            double score = x[i][0] + x[i][1] + 0.6 * random.nextGaussian();
            labels[i] = classes == 2 ? (score > 0 ? 1 : 0) : score < -0.5 ? 0 : score < 0.5 ? 1 : 2;
        }
        return Dataset.of("noisy", Nd4j.createFromArray(x).castTo(DataType.FLOAT), labels, classes);
    }

    private static FitOptions quiet(int epochs) {
        return FitOptions.epochs(epochs).batchSize(32).verbose(0).seed(5);
    }

    // Two classes

    /** accuracy, precision, recall, f1_score and auc of class-1 probabilities {@code p}, by loops. */
    private static Map<String, Double> binaryMetrics(double[] p, int[] labels) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long right = 0;
        for (int i = 0; i < p.length; i++) {
            boolean yes = p[i] > 0.5;
            boolean positive = labels[i] == 1;
            right += yes == positive ? 1 : 0;
            tp += yes && positive ? 1 : 0;
            fp += yes && !positive ? 1 : 0;
            fn += !yes && positive ? 1 : 0;
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double pairs = 0;
        double won = 0;
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    won += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                }
            }
        }
        return Map.of("accuracy", (double) right / p.length, "precision", precision, "recall", recall,
                "f1_score", f1, "auc", won / pairs);
    }

    private static void assertMetrics(Map<String, Double> expected, Map<String, Double> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        expected.forEach((name, value) -> assertEquals(value, actual.get(name), TOLERANCE, what + ": " + name));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Gives {@code to} the weights of {@code from}, a network of the same layers. */
    private static void copyWeights(AbstractNetwork from, AbstractNetwork to) {
        to.changeWeights(() -> {
            for (int p = 0; p < from.parameters().size(); p++) {
                to.parameters().get(p).value().assign(from.parameters().get(p).value());
            }
        });
    }

    @Test
    void twoClassesEvaluateAsPredictCountsAndLogitsAsProbabilities() {
        Dataset train = classes(256, 2, 1);
        Dataset test = classes(600, 2, 2); // evaluate runs 3 batches of at most 256
        TaskModels_BinaryMetricsNetwork network = new TaskModels_BinaryMetricsNetwork(7, DataType.FLOAT);
        network.fit(train, quiet(3));
        double[] p = network.predict(test.features()).toDoubleVector();
        Map<String, Double> expected = binaryMetrics(p, test.labels());
        assertTrue(expected.get("accuracy") > 0.6 && expected.get("accuracy") < 1, "a test that can fail: " + expected);
        Evaluation evaluation = network.evaluate(test);
        assertMetrics(expected, evaluation.metrics(), "probabilities");
        assertEquals(List.of("accuracy", "precision", "recall", "f1_score", "auc"),
                List.copyOf(evaluation.metrics().keySet()), "the model's order");

        ConfusionMatrix confusion = evaluation.confusionMatrix();
        long[][] counts = new long[2][2];
        for (int i = 0; i < p.length; i++) {
            counts[test.labels()[i]][p[i] > 0.5 ? 1 : 0]++;
        }
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                assertEquals(counts[a][b], confusion.count(a, b), "actual " + a + ", predicted " + b);
            }
        }

        TaskModels_BinaryMetricsLogitsNetwork logits = new TaskModels_BinaryMetricsLogitsNetwork(7, DataType.FLOAT);
        copyWeights(network, logits);
        double[] z = logits.predict(test.features()).toDoubleVector();
        for (int i = 0; i < z.length; i++) {
            assertEquals(p[i], sigmoid(z[i]), 1e-6, "predict gives the logit of the same probability");
        }
        Evaluation fromLogits = logits.evaluate(test);
        assertMetrics(expected, fromLogits.metrics(), "logits");
        assertEquals(evaluation.loss(), fromLogits.loss(), 1e-5);
    }

    // Three classes

    @Test
    void threeClassesEvaluateAsPredictCountsMacroAveragedWithTopTwo() {
        Dataset train = classes(300, 3, 3);
        Dataset test = classes(600, 3, 4);
        TaskModels_ThreeClassesNetwork network = new TaskModels_ThreeClassesNetwork(7, DataType.FLOAT);
        network.fit(train, quiet(3));
        INDArray probabilities = network.predict(test.features());
        int[] labels = test.labels();
        long[][] counts = new long[3][3];
        long inTopTwo = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] row = probabilities.getRow(i).toDoubleVector();
            int argmax = 0;
            for (int c = 1; c < 3; c++) {
                argmax = row[c] > row[argmax] ? c : argmax;
            }
            counts[labels[i]][argmax]++;
            int above = 0;
            for (int c = 0; c < 3; c++) {
                above += row[c] > row[labels[i]] ? 1 : 0;
            }
            inTopTwo += above < 2 ? 1 : 0;
        }
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        long right = 0;
        for (int c = 0; c < 3; c++) {
            long tp = counts[c][c];
            long predicted = counts[0][c] + counts[1][c] + counts[2][c];
            long actual = counts[c][0] + counts[c][1] + counts[c][2];
            double pc = predicted == 0 ? 0 : (double) tp / predicted;
            double rc = actual == 0 ? 0 : (double) tp / actual;
            precision += pc / 3;
            recall += rc / 3;
            f1 += (pc + rc == 0 ? 0 : 2 * pc * rc / (pc + rc)) / 3;
            right += tp;
        }
        Map<String, Double> expected = Map.of("accuracy", (double) right / labels.length, "precision", precision,
                "recall", recall, "f1_score", f1, "top_k_accuracy", (double) inTopTwo / labels.length);
        assertTrue(expected.get("accuracy") > 0.4 && expected.get("accuracy") < 1
                && expected.get("top_k_accuracy") > expected.get("accuracy"), "a test that can fail: " + expected);
        Evaluation evaluation = network.evaluate(test);
        assertMetrics(expected, evaluation.metrics(), "probabilities");
        ConfusionMatrix confusion = evaluation.confusionMatrix();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(counts[a][b], confusion.count(a, b), "actual " + a + ", predicted " + b);
            }
        }

        TaskModels_ThreeClassLogitsNetwork logits = new TaskModels_ThreeClassLogitsNetwork(7, DataType.FLOAT);
        copyWeights(network, logits);
        assertMetrics(expected, logits.evaluate(test).metrics(), "logits");
    }

    // Regression

    @Test
    void regressionErrorsAreThoseOfPredictAndItHasNoConfusionMatrix() {
        Random random = new Random(6);
        double[][] x = new double[150][4];
        double[][] y = new double[150][2];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = random.nextDouble() * 2 - 1;
            }
            y[i][0] = x[i][0] + 2 * x[i][1] + 0.1 * random.nextGaussian();
            y[i][1] = x[i][2] - x[i][3] / 2;
        }
        Dataset data = Dataset.ofTargets("numbers", Nd4j.createFromArray(x).castTo(DataType.FLOAT),
                Nd4j.createFromArray(y).castTo(DataType.FLOAT));
        TaskModels_RegressionNetwork network = new TaskModels_RegressionNetwork(7, DataType.FLOAT);
        network.fit(data, quiet(3));
        INDArray predicted = network.predict(data.features());
        double absolute = 0;
        double squared = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < 2; j++) {
                double error = predicted.getDouble(i, j) - data.targets().getDouble(i, j);
                absolute += Math.abs(error);
                squared += error * error;
            }
        }
        Evaluation evaluation = network.evaluate(data);
        assertEquals(absolute / 300, evaluation.metrics().get("mae"), 1e-6);
        assertEquals(Math.sqrt(squared / 300), evaluation.metrics().get("rmse"), 1e-6);
        assertEquals(squared / 300, evaluation.loss(), 1e-5, "the loss, mean squared error, is RMSE squared");
        IllegalStateException e = assertThrows(IllegalStateException.class, evaluation::confusionMatrix);
        assertTrue(e.getMessage().contains("A confusion matrix counts classes; this model predicts numbers"),
                e.getMessage());
    }

    // History and CSV

    @Test
    void historyAndCsvNameTheMetricsInTheModelsOrderWithValPrefixes(@TempDir Path dir) throws Exception {
        Dataset train = classes(128, 2, 1);
        Dataset validation = classes(64, 2, 2);
        TaskModels_BinaryMetricsNetwork network = new TaskModels_BinaryMetricsNetwork(7, DataType.FLOAT);
        Path csv = dir.resolve("log.csv");
        History history = network.fit(train, quiet(2).validation(validation).callbacks(new CsvLogger(csv)));
        List<String> names = List.of("accuracy", "precision", "recall", "f1_score", "auc");
        List<String> expected = new ArrayList<>(List.of("loss"));
        expected.addAll(names);
        expected.add("val_loss");
        names.forEach(n -> expected.add("val_" + n));
        assertEquals(expected, history.names());
        assertEquals("epoch," + String.join(",", expected), Files.readAllLines(csv).get(0));
        Path written = dir.resolve("history.csv");
        history.writeCsv(written);
        assertEquals("epoch," + String.join(",", expected), Files.readAllLines(written).get(0));

        // The last epoch's validation metrics are evaluate's on the validation data, with the final weights.
        Evaluation after = network.evaluate(validation);
        assertEquals(after.loss(), history.last("val_loss"), 1e-6);
        for (String name : names) {
            assertEquals(after.metrics().get(name), history.last("val_" + name), TOLERANCE, "val_" + name);
        }

        History split = new TaskModels_BinaryMetricsNetwork(7, DataType.FLOAT)
                .fit(train, quiet(1).validationSplit(0.25));
        assertEquals(expected, split.names(), "validationSplit too");
        History without = new TaskModels_BinaryMetricsNetwork(7, DataType.FLOAT).fit(train, quiet(1));
        assertEquals(expected.subList(0, 6), without.names(), "no val_ keys without validation data");
    }

    @Test
    void aSoftmaxOfTwoClassesScoresAucOnClassOnesProbability() {
        Dataset train = classes(256, 2, 1);
        Dataset test = classes(300, 2, 2);
        TaskModels_TwoSoftmaxNetwork network = new TaskModels_TwoSoftmaxNetwork(7, DataType.FLOAT);
        network.fit(train, quiet(3));
        INDArray probabilities = network.predict(test.features());
        double[] p = probabilities.getColumn(1).toDoubleVector();
        Map<String, Double> binary = binaryMetrics(p, test.labels());
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            int argmax = probabilities.getDouble(i, 1) > probabilities.getDouble(i, 0) ? 1 : 0;
            right += argmax == test.labels()[i] ? 1 : 0;
        }
        Map<String, Double> expected = Map.of("accuracy", (double) right / p.length, "auc", binary.get("auc"));
        assertTrue(binary.get("auc") > 0.6 && binary.get("auc") < 1, "a test that can fail: " + binary);
        assertMetrics(expected, network.evaluate(test).metrics(), "softmax");
        TaskModels_TwoSoftmaxLogitsNetwork logits = new TaskModels_TwoSoftmaxLogitsNetwork(7, DataType.FLOAT);
        copyWeights(network, logits);
        Map<String, Double> fromLogits = logits.evaluate(test).metrics();
        assertEquals(expected.get("accuracy"), fromLogits.get("accuracy"), TOLERANCE);
        // A float softmax of logits may tie or part two nearly equal probabilities otherwise: a pair or two at most.
        assertEquals(expected.get("auc"), fromLogits.get("auc"), 2.0 / (p.length * p.length / 4.0));
    }
}
