package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Task;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.optimizers.Parameter;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.Evaluation;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.runtime.training.GradientCheck;
import dev.lamina.runtime.training.History;
import dev.lamina.runtime.training.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Generated networks of two classes, yes/no labels and regression: their gradients against finite
 * differences, with and without sample weights; fit on learnable problems; the labels and datasets fit
 * and evaluate take or refuse; class weights.
 */
class TaskTrainingTest {
    private static final int SAMPLES = 256;

    // Synthetic problems: features uniform in [-1, 1]^4.

    private static INDArray features(int samples, long seed, DataType type) {
        Random random = new Random(seed);
        double[][] x = new double[samples][4];
        for (double[] row : x) {
            for (int j = 0; j < 4; j++) {
                row[j] = random.nextDouble() * 2 - 1;
            }
        }
        return Nd4j.createFromArray(x).castTo(type);
    }

    /** Class 1 where x0 + x1 > 0. */
    private static int[] classes(INDArray x) {
        int[] labels = new int[(int) x.size(0)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = x.getDouble(i, 0) + x.getDouble(i, 1) > 0 ? 1 : 0;
        }
        return labels;
    }

    /** Yes where x0 > 0, where x1 < 0, where x2 + x3 > 0. */
    private static INDArray yesNo(INDArray x) {
        double[][] y = new double[(int) x.size(0)][3];
        for (int i = 0; i < y.length; i++) {
            y[i][0] = x.getDouble(i, 0) > 0 ? 1 : 0;
            y[i][1] = x.getDouble(i, 1) < 0 ? 1 : 0;
            y[i][2] = x.getDouble(i, 2) + x.getDouble(i, 3) > 0 ? 1 : 0;
        }
        return Nd4j.createFromArray(y).castTo(x.dataType());
    }

    /** x0 + 2 x1 and x2 - x3 / 2. */
    private static INDArray numbers(INDArray x) {
        double[][] y = new double[(int) x.size(0)][2];
        for (int i = 0; i < y.length; i++) {
            y[i][0] = x.getDouble(i, 0) + 2 * x.getDouble(i, 1);
            y[i][1] = x.getDouble(i, 2) - x.getDouble(i, 3) / 2;
        }
        return Nd4j.createFromArray(y).castTo(x.dataType());
    }

    /** What {@code network} should give for {@code x}: a dataset of the network's task. */
    private static Dataset dataset(Network network, INDArray x) {
        return switch (network.task()) {
            case BINARY -> Dataset.of("two classes", x, classes(x), 2);
            case MULTI_LABEL -> Dataset.ofTargets("yes/no labels", x, yesNo(x));
            case REGRESSION -> Dataset.ofTargets("numbers", x, numbers(x));
            case MULTICLASS -> throw new AssertionError();
        };
    }

    /** The labels as the network's loss takes them: a 0/1 column for two classes, else the targets. */
    private static INDArray lossLabels(Network network, INDArray x) {
        if (network.task() == Task.BINARY) {
            int[] c = classes(x);
            double[] column = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                column[i] = c[i];
            }
            return Nd4j.create(column, new long[] {c.length, 1}, 'c').castTo(x.dataType());
        }
        return network.task() == Task.MULTI_LABEL ? yesNo(x) : numbers(x);
    }

    private static List<AbstractNetwork> networks(DataType type) {
        return List.of(new TaskModels_BinaryNetwork(3, type), new TaskModels_BinaryLogitsNetwork(3, type),
                new TaskModels_BinarySgdNetwork(3, type), new TaskModels_LabelsNetwork(3, type),
                new TaskModels_LabelLogitsNetwork(3, type), new TaskModels_RegressionNetwork(3, type),
                new TaskModels_HuberRegressionNetwork(3, type), new TaskModels_AbsoluteRegressionNetwork(3, type));
    }

    private static FitOptions quiet(int epochs) {
        return FitOptions.epochs(epochs).batchSize(32).verbose(0).seed(5);
    }

    // (a) Gradients

    @Test
    void generatedGradientsMatchFiniteDifferencesWithAndWithoutSampleWeights() {
        for (Network network : networks(DataType.DOUBLE)) {
            INDArray x = features(6, 11, DataType.DOUBLE).muli(2);
            INDArray labels = lossLabels(network, x);
            if (network.task() == Task.REGRESSION) {
                // Errors well away from 0 (the absolute error's kink) and on both sides of Huber's delta.
                labels.addi(Nd4j.createFromArray(new double[][] {{3, -0.3}, {-2.5, 0.4}, {0.3, 2}, {-0.2, -3},
                        {1.8, 0.35}, {-0.6, -1.7}}));
            }
            for (INDArray weights : new INDArray[] {null, Nd4j.createFromArray(2.0, 0.0, 1.0, 0.5, 3.0, 1.0)}) {
                List<GradientCheck.Mismatch> mismatches = check(network, x, labels, weights);
                assertEquals(List.of(), mismatches, network.modelName() + (weights == null ? "" : " weighted"));
            }
        }
    }

    private static List<GradientCheck.Mismatch> check(Network network, INDArray x, INDArray labels, INDArray weights) {
        network.computeGradients(x, labels, weights);
        DoubleSupplier loss = () -> network.loss(network.trainingOutput(x), labels, weights);
        List<GradientCheck.Mismatch> mismatches = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            mismatches.addAll(GradientCheck.compare(parameter.name(), parameter.value(), parameter.gradient().dup(),
                    loss, GradientCheck.all(parameter.value())));
        }
        return mismatches;
    }

    // (b) fit learns

    @Test
    void classifiersOfTwoClassesAndOfYesNoLabelsLearn() {
        List<History> histories = new ArrayList<>();
        for (AbstractNetwork network : List.of(new TaskModels_BinaryNetwork(7, DataType.FLOAT),
                new TaskModels_BinaryLogitsNetwork(7, DataType.FLOAT), new TaskModels_LabelsNetwork(7, DataType.FLOAT),
                new TaskModels_LabelLogitsNetwork(7, DataType.FLOAT))) {
            History history = network.fit(dataset(network, features(SAMPLES, 1, DataType.FLOAT)), quiet(40));
            histories.add(history);
            List<Double> losses = history.get("loss");
            assertTrue(losses.get(losses.size() - 1) < losses.get(0) / 2, network.modelName() + ": " + losses);
            assertTrue(history.last("accuracy") > 0.9, network.modelName() + ": " + history.get("accuracy"));
            Evaluation test = network.evaluate(dataset(network, features(128, 2, DataType.FLOAT)));
            assertTrue(test.accuracy() > 0.88, network.modelName() + ": " + test);
            INDArray predicted = network.predict(features(5, 3, DataType.FLOAT));
            assertArrayEquals(new long[] {5, network.units()}, predicted.shape(), network.modelName());
        }
        // A sigmoid output and its logits, of the same initial weights, train alike: the two losses and
        // gradients are one function.
        for (int i = 0; i < 4; i += 2) {
            List<Double> sigmoid = histories.get(i).get("loss");
            List<Double> logits = histories.get(i + 1).get("loss");
            for (int epoch = 0; epoch < sigmoid.size(); epoch++) {
                assertEquals(sigmoid.get(epoch), logits.get(epoch), 1e-4, "epoch " + epoch);
            }
        }
    }

    @Test
    void regressionsLearn() {
        for (AbstractNetwork network : List.of(new TaskModels_RegressionNetwork(7, DataType.FLOAT),
                new TaskModels_HuberRegressionNetwork(7, DataType.FLOAT),
                new TaskModels_AbsoluteRegressionNetwork(7, DataType.FLOAT))) {
            History history = network.fit(dataset(network, features(SAMPLES, 1, DataType.FLOAT)), quiet(40));
            List<Double> losses = history.get("loss");
            assertTrue(losses.get(losses.size() - 1) < losses.get(0) / 4, network.modelName() + ": " + losses);
            // fit and evaluate report no MAE yet (only accuracy is computed of the declared metrics): from predict.
            // The targets spread over [-3, 3]; predicting their mean would be off by about 1.
            INDArray x = features(128, 2, DataType.FLOAT);
            INDArray predicted = network.predict(x);
            assertArrayEquals(new long[] {128, 2}, predicted.shape());
            double mae = predicted.castTo(DataType.DOUBLE).sub(numbers(x).castTo(DataType.DOUBLE))
                    .norm1Number().doubleValue() / 256;
            assertTrue(mae < 0.25, network.modelName() + ": MAE " + mae);
            Evaluation test = network.evaluate(dataset(network, x));
            assertEquals(network.loss(predicted, numbers(x)), test.loss(), 1e-5, "evaluate's loss is predict's");
        }
    }

    // (c) fit(features, labels)

    @Test
    void arraysOfTheDocumentedShapesTrainAndOthersAreRefusedNamingBoth() {
        INDArray x = features(40, 4, DataType.FLOAT);
        TaskModels_BinaryNetwork binary = new TaskModels_BinaryNetwork(1, DataType.FLOAT);
        INDArray indices = Nd4j.createFromArray(classes(x)).castTo(DataType.FLOAT);
        binary.fit(x, indices, quiet(1));
        binary.fit(x, indices.reshape(40, 1), quiet(1));
        assertEquals(binary.evaluate(x, indices).loss(), binary.evaluate(Dataset.of("d", x, classes(x), 2)).loss(), 1e-6);
        assertMessage(() -> binary.fit(x, Nd4j.zeros(DataType.FLOAT, 40, 2), quiet(1)), "fit: " + binary.modelName()
                + "'s loss (binary crossentropy) takes class indices of shape (40) for 40 samples, but received (40, 2)");
        assertMessage(() -> binary.fit(x, Nd4j.zeros(DataType.FLOAT, 39), quiet(1)), "fit: " + binary.modelName()
                + "'s loss (binary crossentropy) takes class indices of shape (40) for 40 samples, but received (39)");
        INDArray half = indices.dup();
        half.putScalar(3, 0.5);
        assertMessage(() -> binary.fit(x, half, quiet(1)), "fit: label 0.5 of sample 3 is not a class index");
        INDArray two = indices.dup();
        two.putScalar(3, 2);
        assertMessage(() -> binary.fit(x, two, quiet(1)), "label 2 of sample 3 is outside the 2 classes [0, 1]");

        TaskModels_LabelsNetwork labels = new TaskModels_LabelsNetwork(1, DataType.FLOAT);
        labels.fit(x, yesNo(x), quiet(1));
        assertMessage(() -> labels.fit(x, yesNo(x).getColumns(0, 1), quiet(1)), "fit: " + labels.modelName()
                + "'s loss (binary crossentropy) takes targets of shape (40, 3) for 40 samples, but received (40, 2)");
        assertMessage(() -> labels.evaluate(x, Nd4j.zeros(DataType.FLOAT, 40)), "evaluate: " + labels.modelName()
                + "'s loss (binary crossentropy) takes targets of shape (40, 3) for 40 samples, but received (40)");

        TaskModels_RegressionNetwork regression = new TaskModels_RegressionNetwork(1, DataType.FLOAT);
        regression.fit(x, numbers(x), quiet(1));
        assertMessage(() -> regression.fit(x, numbers(x).getColumn(0), quiet(1)), "fit: " + regression.modelName()
                + "'s loss (mean squared error) takes targets of shape (40, 2) for 40 samples, but received (40)");
        assertMessage(() -> regression.fit(x, Nd4j.zeros(DataType.FLOAT, 40, 2, 1), quiet(1)), "fit: "
                + regression.modelName() + "'s loss (mean squared error) takes targets of shape (40, 2) for 40"
                + " samples, but received (40, 2, 1)");
    }

    // (d) Datasets that do not fit the model

    @Test
    void datasetsThatDoNotFitTheModelAreRefusedBeforeAnyStep() {
        INDArray x = features(20, 4, DataType.FLOAT);
        TaskModels_RegressionNetwork regression = new TaskModels_RegressionNetwork(1, DataType.FLOAT);
        List<INDArray> before = weights(regression);
        Dataset classes = Dataset.of("some classes", x, classes(x), 2);
        assertMessage(() -> regression.fit(classes, quiet(1)), "fit: " + regression.modelName()
                + " predicts 2 numbers per sample but some classes has 2 classes. Build it with"
                + " Dataset.ofTargets(name, features, targets).");
        assertMessage(() -> regression.evaluate(classes), "evaluate: " + regression.modelName()
                + " predicts 2 numbers per sample but some classes has 2 classes.");
        Dataset wide = Dataset.ofTargets("wide", x, Nd4j.zeros(DataType.FLOAT, 20, 3));
        assertMessage(() -> regression.fit(wide, quiet(1)), "fit: " + regression.modelName()
                + " predicts 2 numbers per sample but wide has 3 targets per sample");
        INDArray nan = numbers(x);
        nan.putScalar(4, 1, Double.NaN);
        assertMessage(() -> regression.fit(Dataset.ofTargets("holes", x, nan), quiet(1)),
                "fit: target 1 of sample 4 of holes is NaN; targets must be finite numbers");
        INDArray infinite = numbers(x);
        infinite.putScalar(0, 0, Double.POSITIVE_INFINITY);
        assertMessage(() -> regression.evaluate(Dataset.ofTargets("far", x, infinite)),
                "evaluate: target 0 of sample 0 of far is Infinity; targets must be finite numbers");
        assertEquals(before, weights(regression), "nothing trained");

        TaskModels_LabelsNetwork labels = new TaskModels_LabelsNetwork(1, DataType.FLOAT);
        INDArray over = yesNo(x);
        over.putScalar(2, 1, 1.5);
        assertMessage(() -> labels.fit(Dataset.ofTargets("over", x, over), quiet(1)),
                "fit: target 1 of sample 2 of over is 1.5; a yes/no label must be between 0 and 1");
        INDArray missing = yesNo(x);
        missing.putScalar(0, 2, Double.NaN);
        assertMessage(() -> labels.fit(x, missing, quiet(1)),
                "fit: target 2 of sample 0 of the given arrays is NaN; a yes/no label must be between 0 and 1");
        assertMessage(() -> labels.fit(classes, quiet(1)), "fit: " + labels.modelName()
                + " predicts 3 yes/no labels per sample but some classes has 2 classes.");

        TaskModels_BinaryNetwork binary = new TaskModels_BinaryNetwork(1, DataType.FLOAT);
        assertMessage(() -> binary.fit(Dataset.ofTargets("numbers", x, numbers(x)), quiet(1)), "fit: "
                + binary.modelName() + " predicts 2 classes but numbers has targets. Build it with"
                + " Dataset.of(name, features, labels, classes).");
        assertMessage(() -> binary.fit(Dataset.of("three", x, new int[20], 3), quiet(1)),
                "fit: " + binary.modelName() + " has 2 classes but three has 3");
    }

    // (e) Class weights

    @Test
    void aClassWeightOfZeroLeavesItsSamplesOutOfTheGradient() {
        INDArray x = features(24, 8, DataType.DOUBLE);
        int[] c = classes(x);
        List<Integer> ones = new ArrayList<>();
        List<Integer> zeros = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            (c[i] == 1 ? ones : zeros).add(i);
        }
        assertTrue(ones.size() > 4 && zeros.size() > 4, "both classes: " + ones + " " + zeros);
        Dataset all = Dataset.of("all", x, c, 2);
        // One full batch of SGD (learning rate 0.5): the step is -0.5 times the gradient.
        FitOptions oneStep = FitOptions.epochs(1).batchSize(c.length).verbose(0).classWeights(0, 1);

        TaskModels_BinarySgdNetwork onlyZeros = new TaskModels_BinarySgdNetwork(9, DataType.DOUBLE);
        List<INDArray> before = weights(onlyZeros);
        onlyZeros.fit(all.select(zeros.stream().mapToInt(Integer::intValue).toArray()), oneStep);
        assertEquals(before, weights(onlyZeros), "samples of a class of weight 0 do not move the weights");

        TaskModels_BinarySgdNetwork weighted = new TaskModels_BinarySgdNetwork(9, DataType.DOUBLE);
        before = weights(weighted);
        weighted.fit(all, oneStep);
        TaskModels_BinarySgdNetwork subset = new TaskModels_BinarySgdNetwork(9, DataType.DOUBLE);
        int[] kept = ones.stream().mapToInt(Integer::intValue).toArray();
        INDArray keptFeatures = all.select(kept).features();
        subset.computeGradients(keptFeatures, lossLabels(subset, keptFeatures));
        // Keras divides the weighted sum by the whole batch: the subset's mean gradient times its share.
        double share = (double) kept.length / c.length;
        for (int p = 0; p < before.size(); p++) {
            INDArray step = weights(weighted).get(p).sub(before.get(p));
            INDArray expected = subset.parameters().get(p).gradient().mul(-0.5 * share);
            assertTrue(expected.equalsWithEps(step, 1e-12), subset.parameters().get(p).name() + ": " + step
                    + " but " + expected);
            assertTrue(step.norm1Number().doubleValue() > 1e-6, "the samples of class 1 move the weights");
        }
    }

    @Test
    void classWeightsOfAnotherCountOrForTargetsAreRefused() {
        INDArray x = features(20, 4, DataType.FLOAT);
        TaskModels_BinaryNetwork binary = new TaskModels_BinaryNetwork(1, DataType.FLOAT);
        assertMessage(() -> binary.fit(Dataset.of("d", x, classes(x), 2), quiet(1).classWeights(1, 2, 3)),
                "fit: 3 class weights for the 2 classes of " + binary.modelName() + "; give one per class");
        TaskModels_RegressionNetwork regression = new TaskModels_RegressionNetwork(1, DataType.FLOAT);
        assertMessage(() -> regression.fit(x, numbers(x), quiet(1).classWeights(1, 2)),
                "fit: classWeights weigh the samples of each class, but " + regression.modelName()
                        + " predicts 2 numbers per sample. Give the dataset sample weights instead"
                        + " (Dataset.withSampleWeights).");
        TaskModels_LabelsNetwork labels = new TaskModels_LabelsNetwork(1, DataType.FLOAT);
        assertMessage(() -> labels.fit(x, yesNo(x), quiet(1).classWeights(1, 2, 3)),
                "but " + labels.modelName() + " predicts 3 yes/no labels per sample.");
    }

    @Test
    void sampleWeightsOfZeroDoNotMoveTheWeights() {
        INDArray x = features(16, 8, DataType.DOUBLE);
        TaskModels_BinarySgdNetwork network = new TaskModels_BinarySgdNetwork(9, DataType.DOUBLE);
        List<INDArray> before = weights(network);
        network.fit(Dataset.of("d", x, classes(x), 2).withSampleWeights(new double[16]), quiet(2));
        assertEquals(before, weights(network));
    }

    // (f) Dataset.split

    @Test
    void aSplitIsDeterministicForASeedAndPartitionsTheSamples() {
        int n = 50;
        double[][] x = new double[n][2];
        double[] w = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            x[i][1] = -i;
            w[i] = i / 10.0;
            labels[i] = i % 3;
        }
        Dataset classes = Dataset.of("d", Nd4j.createFromArray(x), labels, 3).withSampleWeights(w);
        Dataset.Split split = classes.split(0.25, 42);
        assertEquals(37, split.train().size());
        assertEquals(13, split.test().size(), "the test part rounded up");
        Dataset.Split again = classes.split(0.25, 42);
        assertArrayEquals(indices(split.train()), indices(again.train()));
        assertArrayEquals(indices(split.test()), indices(again.test()));
        assertTrue(!java.util.Arrays.equals(indices(split.test()), indices(classes.split(0.25, 43).test())),
                "another seed, another split");
        boolean[] seen = new boolean[n];
        for (Dataset part : List.of(split.train(), split.test())) {
            int[] index = indices(part);
            int[] partLabels = part.labels();
            double[] partWeights = part.sampleWeights().orElseThrow();
            for (int i = 0; i < index.length; i++) {
                assertTrue(!seen[index[i]], "sample " + index[i] + " in both parts");
                seen[index[i]] = true;
                assertEquals(-index[i], part.features().getDouble(i, 1), "the features stay whole");
                assertEquals(index[i] % 3, partLabels[i], "the labels stay with their samples");
                assertEquals(index[i] / 10.0, partWeights[i], "the weights stay with their samples");
            }
        }
        for (int i = 0; i < n; i++) {
            assertTrue(seen[i], "sample " + i + " in neither part");
        }
        // Targets too.
        Dataset targets = Dataset.ofTargets("t", Nd4j.createFromArray(x), Nd4j.createFromArray(x).mul(2));
        Dataset.Split byTargets = targets.split(0.25, 42);
        assertArrayEquals(indices(split.test()), indices(byTargets.test()), "the same order for the same seed");
        for (int i = 0; i < byTargets.test().size(); i++) {
            assertEquals(2 * byTargets.test().features().getDouble(i, 0), byTargets.test().targets().getDouble(i, 0));
        }
        assertThrows(IllegalArgumentException.class, () -> targets.split(1, 42));
        assertThrows(IllegalArgumentException.class, () -> targets.split(0, 42));
    }

    private static int[] indices(Dataset part) {
        int[] index = new int[part.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = (int) part.features().getDouble(i, 0);
        }
        return index;
    }

    private static List<INDArray> weights(Network network) {
        return network.parameters().stream().map(p -> p.value().dup()).toList();
    }

    private static void assertMessage(Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "expected «" + expected + "» in «" + e.getMessage() + "»");
    }
}
