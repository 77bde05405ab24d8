package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.checkpoint.Checkpoint;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.optimizers.Parameter;
import dev.lamina.runtime.training.FitOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A generated network whose first layer is {@code @Normalization} ({@link TaskModels.Standardized}):
 * fit measures the statistics on its training part only, once; an explicit adapt is kept; the
 * statistics are saved, loaded and seen by every replica; fit says so at verbose 1.
 */
class NormalizationTest {
    private static final int ROWS = 40;

    /**
     * Three features of far apart scales whose later rows drift, so that the statistics of the first
     * 75% differ from those of all the rows; class 1 where the second feature is positive.
     */
    private static Dataset data(long seed) {
        Random random = new Random(seed);
        double[][] x = new double[ROWS][3];
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x[i][0] = 1000 + 100 * random.nextGaussian() + (i >= 30 ? 500 : 0);
            x[i][1] = 0.01 * random.nextGaussian();
            x[i][2] = i;
            labels[i] = x[i][1] > 0 ? 1 : 0;
        }
        return Dataset.of("drifting", Nd4j.createFromArray(x), labels, 2);
    }

    /** Each feature's mean and population variance over rows [0, rows), by plain loops. */
    private static double[][] statistics(Dataset data, int rows) {
        double[] mean = new double[3];
        double[] variance = new double[3];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < rows; i++) {
                mean[j] += data.features().getDouble(i, j);
            }
            mean[j] /= rows;
            for (int i = 0; i < rows; i++) {
                double d = data.features().getDouble(i, j) - mean[j];
                variance[j] += d * d;
            }
            variance[j] /= rows;
        }
        return new double[][] {mean, variance};
    }

    private static INDArray parameter(TaskModels_StandardizedNetwork network, String name) {
        return network.parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                .map(Parameter::value).orElseThrow(() -> new AssertionError("no parameter " + name + " in "
                        + network.parameters().stream().map(Parameter::name).toList()));
    }

    private static void assertMeasuredOn(TaskModels_StandardizedNetwork network, Dataset data, int rows) {
        double[][] expected = statistics(data, rows);
        INDArray mean = parameter(network, "norm/mean");
        INDArray variance = parameter(network, "norm/variance");
        for (int j = 0; j < 3; j++) {
            double scale = Math.max(1, Math.abs(expected[0][j]));
            assertEquals(expected[0][j], mean.getDouble(j), 1e-12 * scale, "mean of feature " + j);
            assertEquals(expected[1][j], variance.getDouble(j), 1e-10 * Math.max(1, expected[1][j]),
                    "variance of feature " + j);
        }
        assertEquals(rows, parameter(network, "norm/count").getDouble(0), "count");
    }

    private static FitOptions quiet(int epochs) {
        return FitOptions.epochs(epochs).batchSize(8).verbose(0).seed(3);
    }

    @Test
    void fitMeasuresTheStatisticsOnItsTrainingPartOnlyAndOnce() {
        Dataset data = data(1);
        TaskModels_StandardizedNetwork network = new TaskModels_StandardizedNetwork(5, DataType.DOUBLE);
        assertTrue(network.needsAdapting());
        assertEquals(0, parameter(network, "norm/count").getDouble(0));
        network.fit(data, quiet(2).validationSplit(0.25));
        assertFalse(network.needsAdapting());
        assertMeasuredOn(network, data, 30);
        double[][] all = statistics(data, ROWS);
        assertTrue(Math.abs(all[0][0] - parameter(network, "norm/mean").getDouble(0)) > 50,
                "not the statistics of every row, validation included");

        // A second fit, on other data, keeps them.
        network.fit(data(2), quiet(1));
        assertMeasuredOn(network, data, 30);
    }

    @Test
    void anExplicitAdaptBeforeFitIsKept() {
        Dataset data = data(1);
        TaskModels_StandardizedNetwork network = new TaskModels_StandardizedNetwork(5, DataType.DOUBLE);
        network.adapt(data);
        assertMeasuredOn(network, data, ROWS);
        network.fit(data, quiet(2).validationSplit(0.25));
        assertMeasuredOn(network, data, ROWS);
        // adapt again measures anew.
        Dataset other = data(7);
        network.adapt(other);
        assertMeasuredOn(network, other, ROWS);
    }

    @Test
    void theStatisticsAreParametersNotTrainedAndThePredictionsUseThem() {
        Dataset data = data(1);
        TaskModels_StandardizedNetwork network = new TaskModels_StandardizedNetwork(5, DataType.DOUBLE);
        network.fit(data, quiet(3));
        INDArray mean = parameter(network, "norm/mean").dup();
        INDArray before = network.predict(data.features());
        // Standardizing the rows by hand and giving a network of the same Dense weights statistics of
        // (0, 1) gives the same predictions.
        TaskModels_StandardizedNetwork identity = new TaskModels_StandardizedNetwork(5, DataType.DOUBLE);
        identity.changeWeights(() -> {
            for (int p = 0; p < network.parameters().size(); p++) {
                identity.parameters().get(p).value().assign(network.parameters().get(p).value());
            }
            parameter(identity, "norm/mean").assign(0);
            parameter(identity, "norm/variance").assign(1);
        });
        double[][] stats = statistics(data, ROWS);
        INDArray standardized = data.features().dup();
        for (int j = 0; j < 3; j++) {
            standardized.getColumn(j).subi(stats[0][j]).divi(Math.sqrt(stats[1][j]));
        }
        assertTrue(before.equalsWithEps(identity.predict(standardized), 1e-9));
        assertEquals(mean, parameter(network, "norm/mean"), "fit trains the Dense layers, not the statistics");
    }

    @Test
    void saveAndLoadKeepTheStatisticsAndThePredictions(@TempDir Path dir) throws Exception {
        Dataset data = data(1);
        TaskModels_StandardizedNetwork network = new TaskModels_StandardizedNetwork(5, DataType.FLOAT);
        network.fit(data, quiet(2).validationSplit(0.25));
        Path file = dir.resolve("standardized.zip");
        network.save(file);
        TaskModels_StandardizedNetwork loaded = TaskModels_StandardizedNetwork.load(file);
        assertFalse(loaded.needsAdapting(), "a loaded network is adapted");
        for (String name : List.of("norm/mean", "norm/variance", "norm/count")) {
            assertEquals(parameter(network, name), parameter(loaded, name), name);
        }
        assertEquals(network.predict(data.features()), loaded.predict(data.features()));
        // Its fit does not measure again.
        loaded.fit(data(9), quiet(1));
        assertEquals(parameter(network, "norm/mean"), parameter(loaded, "norm/mean"));

        // Restored into a network that has not measured anything, in another data type.
        TaskModels_StandardizedNetwork restored = new TaskModels_StandardizedNetwork(8, DataType.DOUBLE);
        assertTrue(restored.needsAdapting());
        Checkpoint.read(file).restore(restored, file);
        assertFalse(restored.needsAdapting());
        assertEquals(30, parameter(restored, "norm/count").getDouble(0));
        assertTrue(parameter(network, "norm/variance").castTo(DataType.DOUBLE)
                .equalsWithEps(parameter(restored, "norm/variance"), 0));
        assertTrue(network.predict(data.features()).castTo(DataType.DOUBLE)
                .equalsWithEps(restored.predict(data.features()), 1e-5));
    }

    @Test
    void replicasOfTwoThreadsSeeTheStatisticsMeasuredAfterTheyWereMade() throws Exception {
        Dataset data = data(1);
        TaskModels_StandardizedNetwork network = new TaskModels_StandardizedNetwork(5, DataType.DOUBLE);
        // Replicas made before adapt, from two threads at once.
        inTwoThreads(() -> network.predict(data.features()));
        network.adapt(data);
        List<INDArray> predictions = inTwoThreads(() -> network.predict(data.features()));

        TaskModels_StandardizedNetwork fresh = new TaskModels_StandardizedNetwork(5, DataType.DOUBLE);
        fresh.adapt(data);
        INDArray expected = fresh.predict(data.features());
        for (INDArray predicted : predictions) {
            assertTrue(expected.equalsWithEps(predicted, 1e-12), "a replica's prediction: " + predicted + " but " + expected);
        }
    }

    private static List<INDArray> inTwoThreads(Callable<INDArray> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<INDArray>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                futures.add(pool.submit(() -> {
                    List<INDArray> all = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        all.add(call.call());
                    }
                    for (INDArray one : all) {
                        assertEquals(all.get(0), one);
                    }
                    return all.get(all.size() - 1);
                }));
            }
            List<INDArray> results = new ArrayList<>();
            for (Future<INDArray> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fitSaysItMeasuredAtVerbose1AndNotAt0() {
        Dataset data = data(1);
        assertTrue(output(new TaskModels_StandardizedNetwork(5, DataType.FLOAT), data, 1)
                .contains("Normalization: mean and variance measured on the 30 training samples"));
        assertFalse(output(new TaskModels_StandardizedNetwork(5, DataType.FLOAT), data, 0).contains("Normalization"));
        TaskModels_StandardizedNetwork adapted = new TaskModels_StandardizedNetwork(5, DataType.FLOAT);
        adapted.adapt(data);
        assertFalse(output(adapted, data, 1).contains("Normalization"), "nothing measured, nothing said");
    }

    private static String output(TaskModels_StandardizedNetwork network, Dataset data, int verbose) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            network.fit(data, FitOptions.epochs(1).batchSize(8).verbose(verbose).validationSplit(0.25));
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTableOfAnotherWidthIsRefusedBeforeAdaptOrAnyStep() {
        TaskModels_StandardizedNetwork network = new TaskModels_StandardizedNetwork(5, DataType.FLOAT);
        Dataset narrow = Dataset.of("narrow", Nd4j.zeros(DataType.FLOAT, 10, 2), new int[10], 2);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> network.fit(narrow, quiet(1)));
        assertTrue(e.getMessage().contains("takes samples of (3) but narrow has samples of (2)"), e.getMessage());
        assertTrue(network.needsAdapting(), "nothing measured");
        assertArrayEquals(new double[3], parameter(network, "norm/mean").toDoubleVector());
    }

    @Test
    void imagesAreStandardizedPerChannelByTheGeneratedNetwork() {
        Random random = new Random(4);
        int samples = 12;
        double[] values = new double[samples * 12];
        int[] labels = new int[samples];
        for (int i = 0; i < values.length; i++) {
            int channel = i % 3;
            values[i] = (channel + 1) * 100 + Math.pow(10, channel) * random.nextGaussian();
        }
        for (int i = 0; i < samples; i++) {
            labels[i] = i % 2;
        }
        INDArray images = Nd4j.create(values, new long[] {samples, 2, 2, 3}, 'c');
        Dataset data = Dataset.of("images", images, labels, 2);
        TaskModels_StandardizedImagesNetwork network = new TaskModels_StandardizedImagesNetwork(5, DataType.DOUBLE);
        network.fit(data, quiet(1));
        double[] mean = new double[3];
        double[] variance = new double[3];
        for (int i = 0; i < values.length; i++) {
            mean[i % 3] += values[i] / (samples * 4);
        }
        for (int i = 0; i < values.length; i++) {
            variance[i % 3] += Math.pow(values[i] - mean[i % 3], 2) / (samples * 4);
        }
        INDArray measuredMean = network.parameters().get(0).value();
        INDArray measuredVariance = network.parameters().get(1).value();
        assertEquals("norm/mean", network.parameters().get(0).name());
        assertArrayEquals(mean, measuredMean.toDoubleVector(), 1e-10);
        assertArrayEquals(variance, measuredVariance.toDoubleVector(), 1e-8);
        assertEquals(samples, network.parameters().get(2).value().getDouble(0), "norm/count: samples, not pixels");

        TaskModels_StandardizedImagesNetwork identity = new TaskModels_StandardizedImagesNetwork(5, DataType.DOUBLE);
        identity.changeWeights(() -> {
            for (int p = 0; p < network.parameters().size(); p++) {
                identity.parameters().get(p).value().assign(network.parameters().get(p).value());
            }
            identity.parameters().get(0).value().assign(0);
            identity.parameters().get(1).value().assign(1);
        });
        double[] standardized = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            standardized[i] = (values[i] - mean[i % 3]) / Math.sqrt(variance[i % 3]);
        }
        INDArray byHand = Nd4j.create(standardized, new long[] {samples, 2, 2, 3}, 'c');
        assertTrue(network.predict(images).equalsWithEps(identity.predict(byHand), 1e-9));
    }
}
