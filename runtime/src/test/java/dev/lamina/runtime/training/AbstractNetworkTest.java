package dev.lamina.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Initializer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Shape;
import dev.lamina.runtime.checkpoint.Checkpoint;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.kernels.DenseKernel;
import dev.lamina.runtime.losses.CrossEntropy;
import dev.lamina.runtime.optimizers.Parameter;
import dev.lamina.runtime.plots.HistoryChart;
import dev.lamina.runtime.optimizers.Sgd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What the base class of generated networks derives from the parameters a subclass declares: the
 * summary's counts, the optimizer's and the gradient check's lists (trainable only), the checkpoint
 * (all), and the metrics the model declares. The subclass here is written as the processor writes one,
 * with a non-trainable parameter beside the trainable ones, and an update of statistics a test sets.
 */
class AbstractNetworkTest {

    /** (2, 3) flattened, a Dense of 4 softmax units, and a non-trainable (4) array as a moving mean would be. */
    static final class Tiny extends AbstractNetwork {
        private final LayerOutput flat = inputView("flat", "Flatten", 6);
        private final LayerOutput out = output("out", "Dense", 4);
        private final Parameter outKernel = trainable("out/kernel", Initializer.GLOROT_UNIFORM, 6, 4);
        private final Parameter outBias = trainable("out/bias", Initializer.ZEROS, 4);
        private final Parameter outMean = nonTrainable("out/mean", Initializer.ONES, 4);
        /** What updateStatistics does, as a test sets it. */
        private Runnable statistics = () -> { };

        Tiny(List<Metric> metrics, DataType dataType) {
            super(new ModelDefinition("Tiny", Shape.of(2, 3), List.of(), 4, 0, Loss.CATEGORICAL_CROSSENTROPY, false, metrics, 5,
                    parameters -> new Sgd(parameters, 0.1, 0, false)), 5, dataType);
        }

        private Tiny(Tiny weights) {
            super(weights);
        }

        @Override
        protected Tiny replica() {
            return new Tiny(this);
        }

        @Override
        protected void backward(INDArray input, INDArray labels, INDArray weights) {
            CrossEntropy.softmaxGradient(out.value(), labels, weights, out.gradient());
            DenseKernel.backward(flat.value(), outKernel.value(), out.gradient(), outKernel.gradient(), outBias.gradient(),
                    null);
        }

        @Override
        protected void forward(INDArray input, boolean training) {
            DenseKernel.forward(flat.value(), outKernel.value(), outBias.value(), Activation.SOFTMAX, out.value(), training);
        }

        @Override
        protected void updateStatistics() {
            statistics.run();
        }
    }

    /**
     * One sample predicted alone (one batch: its output copied) gets the row it gets among 300 (two
     * inference batches, each copied into the result); no sample gives an empty result.
     */
    @Test
    void predictGivesASampleItsRowWhateverTheBatch() {
        Tiny network = new Tiny(List.of(), DataType.FLOAT);
        INDArray features = Nd4j.rand(DataType.FLOAT, 300, 2, 3);
        INDArray all = network.predict(features);
        assertArrayEquals(new long[] {300, 4}, all.shape());
        for (int row : new int[] {0, 7, 299}) {
            INDArray one = network.predict(features.get(NDArrayIndex.interval(row, row + 1)));
            assertArrayEquals(new long[] {1, 4}, one.shape());
            assertTrue(all.getRow(row, true).equalsWithEps(one, 1e-6), "row " + row);
        }
        assertArrayEquals(new long[] {0, 4}, network.predict(Nd4j.create(DataType.FLOAT, 0, 2, 3)).shape());
    }

    /**
     * updateStatistics runs once per trainBatch, after the optimizer's step and while the weights'
     * write lock is held: a prediction asked for meanwhile waits until it is done. (A loaded machine
     * can only make the reader look blocked when it is not, never the reverse.)
     */
    @Test
    void statisticsAreUpdatedAfterEachStepInsideTheWriteLock() throws Exception {
        Tiny network = new Tiny(List.of(), DataType.FLOAT);
        INDArray features = Nd4j.rand(DataType.FLOAT, 5, 2, 3);
        INDArray labels = Nd4j.eye(4).getRows(0, 1, 2, 3, 0).castTo(DataType.FLOAT);
        INDArray before = network.predict(features);
        INDArray kernel = network.parameters().get(0).value().dup();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        List<String> seen = new ArrayList<>();
        List<Future<INDArray>> predictions = new ArrayList<>();
        network.statistics = () -> {
            seen.add(kernel.equals(network.parameters().get(0).value()) ? "before the step" : "after the step");
            Future<INDArray> prediction = reader.submit(() -> network.predict(features));
            predictions.add(prediction);
            try {
                prediction.get(300, TimeUnit.MILLISECONDS);
                seen.add("a prediction ran");
            } catch (TimeoutException blocked) {
                seen.add("a prediction waited");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        try {
            network.computeGradients(features, labels);
            network.trainingOutput(features);
            assertEquals(List.of(), seen, "no statistics are updated without a step");
            network.trainBatch(features, labels);
            assertEquals(List.of("after the step", "a prediction waited"), seen);
            assertFalse(before.equals(predictions.get(0).get(10, TimeUnit.SECONDS)), "it ran after the step");
        } finally {
            reader.shutdown();
        }
    }

    @Test
    void theSummaryCountsTrainableAndNonTrainableParameters() {
        String summary = new Tiny(List.of(), DataType.FLOAT).summaryTable();
        assertTrue(summary.contains(" out (Dense)                 (None, 4)                 32\n"), summary);
        assertTrue(summary.contains("Total params: 32\nTrainable params: 28\nNon-trainable params: 4\n"), summary);
    }

    @Test
    void theOptimizerAndTheGradientCheckTakeOnlyTrainableParameters() {
        Tiny network = new Tiny(List.of(), DataType.DOUBLE);
        INDArray features = Nd4j.rand(DataType.DOUBLE, 5, 2, 3);
        INDArray labels = Nd4j.eye(4).getRows(0, 1, 2, 3, 0).castTo(DataType.DOUBLE);
        assertTrue(GradientCheck.check(network, features, labels, 30, new Random(1)).isEmpty());
        INDArray kernel = network.parameters().get(0).value().dup();
        network.trainBatch(features, labels);
        assertFalse(kernel.equals(network.parameters().get(0).value()), "the kernel is trained");
        assertEquals(Nd4j.ones(DataType.DOUBLE, 4), network.parameters().get(2).value(), "the mean is not");
    }

    @Test
    void aCheckpointKeepsNonTrainableParameters(@TempDir Path folder) throws Exception {
        Tiny network = new Tiny(List.of(), DataType.FLOAT);
        network.parameters().get(2).value().assign(Nd4j.createFromArray(0.5f, 1.5f, 2.5f, 3.5f));
        Path file = folder.resolve("tiny.lamina");
        network.save(file);
        Tiny loaded = Checkpoint.load(file, dataType -> new Tiny(List.of(), dataType));
        assertEquals(network.parameters().get(2).value(), loaded.parameters().get(2).value());
        assertEquals(network.parameters().get(0).value(), loaded.parameters().get(0).value());
        assertTrue(Files.size(file) > 32 * Float.BYTES);
    }

    @Test
    void fitAndEvaluateReportTheDeclaredMetricsOnly(@TempDir Path folder) throws Exception {
        INDArray features = Nd4j.rand(DataType.FLOAT, 20, 2, 3);
        int[] classes = new Random(3).ints(20, 0, 4).toArray();
        Dataset data = Dataset.of("twenty", features, classes, 4);
        FitOptions options = FitOptions.epochs(2).batchSize(8).verbose(0);

        Tiny plain = new Tiny(List.of(), DataType.FLOAT);
        History history = plain.fit(data, options);
        assertEquals(List.of("loss"), history.names());
        Path chart = folder.resolve("history.png");
        HistoryChart.save(history, chart);
        assertEquals(HistoryChart.WIDTH, ImageIO.read(chart.toFile()).getWidth(), "one chart: the loss");
        Evaluation evaluation = plain.evaluate(data);
        assertTrue(evaluation.metrics().isEmpty());
        IllegalStateException error = assertThrows(IllegalStateException.class, evaluation::accuracy);
        assertTrue(error.getMessage().contains("metrics = Metric.ACCURACY"), error.getMessage());

        Tiny measured = new Tiny(List.of(Metric.ACCURACY), DataType.FLOAT);
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"),
                measured.fit(data, options.validation(data)).names());
        double accuracy = measured.evaluate(data).accuracy();
        long correct = Accuracy.correct(measured.predict(features), dev.lamina.runtime.data.OneHot.encode(classes, 4, DataType.FLOAT));
        assertEquals(correct / 20.0, accuracy, 1e-9);
    }

    /**
     * A schedule sets every step's rate from the steps taken before it, and the epoch logs its last:
     * with SGD, a rate of 0 from the third step on leaves the weights as the second step left them.
     */
    @Test
    void aLearningRateScheduleSetsEachStepsRate() {
        INDArray features = Nd4j.rand(DataType.FLOAT, 32, 2, 3);
        Dataset data = Dataset.of("thirty-two", features, new Random(5).ints(32, 0, 4).toArray(), 4);
        Tiny net = new Tiny(List.of(), DataType.FLOAT);
        List<Double> rates = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onBatchEnd(Training training, int batch, java.util.Map<String, Double> logs) {
                rates.add(logs.get("learning_rate"));
            }
        };
        INDArray[] afterSecondStep = new INDArray[1];
        Callback snapshot = new Callback() {
            @Override
            public void onBatchEnd(Training training, int batch, java.util.Map<String, Double> logs) {
                if (training.network().optimizer().iterations() == 2) {
                    afterSecondStep[0] = net.outKernel.value().dup();
                }
            }
        };
        FitOptions options = FitOptions.epochs(2).batchSize(8).verbose(0).callbacks(recorder, snapshot)
                .learningRate(dev.lamina.runtime.optimizers.LearningRateSchedule.piecewiseConstant(
                        new long[] {0, 1}, new double[] {0.3, 0.2, 0}));
        History history = net.fit(data, options);

        assertEquals(List.of(0.3, 0.2, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), rates);
        assertEquals(List.of(0.0, 0.0), history.get("learning_rate"));
        assertEquals(afterSecondStep[0], net.outKernel.value(), "no step after the second moved the weights");
        assertTrue(EpochProgress.format(java.util.Map.of("learning_rate", 1e-4)).contains("learning_rate: 1.0000e-04"));
    }

    /** Validation data and a validation split together are refused before any step, naming both. */
    @Test
    void validationDataAndAValidationSplitAreNotBothTaken() {
        Dataset data = Dataset.of("eight", Nd4j.rand(DataType.FLOAT, 8, 2, 3), new Random(5).ints(8, 0, 4).toArray(), 4);
        Tiny net = new Tiny(List.of(), DataType.FLOAT);
        INDArray before = net.outKernel.value().dup();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> net.fit(data,
                FitOptions.epochs(1).verbose(0).validation(data).validationSplit(0.25)));
        assertEquals("fit: both validation data (eight) and validationSplit(0.25) are set; keep one", error.getMessage());
        assertEquals(before, net.outKernel.value(), "no step was taken");
    }

    /** A schedule's bad rate stops fit before the step, naming the step and the rate. */
    @Test
    void aScheduleThatGivesANegativeRateIsRefusedWithItsStep() {
        Dataset data = Dataset.of("eight", Nd4j.rand(DataType.FLOAT, 8, 2, 3), new Random(5).ints(8, 0, 4).toArray(), 4);
        Tiny net = new Tiny(List.of(), DataType.FLOAT);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> net.fit(data,
                FitOptions.epochs(1).batchSize(4).verbose(0).learningRate(step -> step == 1 ? -0.5 : 0.1)));
        assertEquals("The learning-rate schedule gave -0.5 for step 1; a rate must be finite and at least 0.",
                error.getMessage());
    }

    /**
     * With ReduceLROnPlateau, every epoch logs the rate it ran with as learning_rate (Keras logs it
     * before the callback lowers it), in the batch logs, History and CsvLogger alike. The loss never
     * beats the first epoch's by the min delta of 100, so from the second epoch on each epoch halves it.
     */
    @Test
    void reduceLROnPlateauLowersTheRateAndEveryEpochLogsIt(@TempDir Path folder) throws Exception {
        Dataset data = Dataset.of("eight", Nd4j.rand(DataType.FLOAT, 8, 2, 3), new Random(5).ints(8, 0, 4).toArray(), 4);
        Tiny net = new Tiny(List.of(), DataType.FLOAT);
        List<Double> batchRates = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onBatchEnd(Training training, int batch, java.util.Map<String, Double> logs) {
                batchRates.add(logs.get("learning_rate"));
            }
        };
        Path csv = folder.resolve("log.csv");
        History history = net.fit(data, FitOptions.epochs(3).batchSize(8).verbose(0).callbacks(recorder,
                new dev.lamina.runtime.callbacks.ReduceLROnPlateau("loss", 0.5, 1, 0,
                        dev.lamina.runtime.callbacks.Mode.AUTO, 100, 0, 0),
                new dev.lamina.runtime.callbacks.CsvLogger(csv)));
        assertEquals(List.of(0.1, 0.1, 0.05), history.get("learning_rate"));
        assertEquals(List.of(0.1, 0.1, 0.05), batchRates);
        assertEquals(0.025, net.optimizer().learningRate());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("epoch,loss,learning_rate", rows.get(0));
        assertTrue(rows.get(3).endsWith(",0.05"), rows.get(3));
    }

    /** A schedule would set the rate back before every step: fit's options refuse it beside the callback, either way round. */
    @Test
    void aScheduleBesideReduceLROnPlateauIsRefused() {
        String expected = "ReduceLROnPlateau sets the learning rate, but fit also has a learning-rate schedule, which"
                + " would set it back before every step. Give fit one of them: remove learningRate(schedule) from the"
                + " FitOptions, or the callback.";
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(2)
                .callbacks(new dev.lamina.runtime.callbacks.ReduceLROnPlateau()).learningRate(step -> 0.1));
        assertEquals(expected, first.getMessage());
        IllegalArgumentException second = assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(2)
                .learningRate(step -> 0.1).callbacks(new dev.lamina.runtime.callbacks.ReduceLROnPlateau()));
        assertEquals(expected, second.getMessage());
    }
}
