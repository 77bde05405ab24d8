package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.OneHot;
import dev.lamina.runtime.optimizers.Parameter;
import dev.lamina.runtime.training.FitOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A generated network with BatchNormalization layers ({@link TinyModels.Normalized}): training
 * normalizes with the batch's statistics and moves the moving ones only with the optimizer's step, by
 * Keras' formula; inference uses the moving ones, sample by sample; a checkpoint keeps them.
 */
class BatchNormalizationTest {
    @TempDir
    Path dir;

    @Test
    void aTrainingStepMovesTheMovingStatisticsByKerasFormulaAndNothingElseDoes() {
        TinyModels_NormalizedNetwork network = new TinyModels_NormalizedNetwork(3, DataType.DOUBLE);
        INDArray features = features(6, 1);
        INDArray labels = labels(6);
        List<INDArray> initial = values(network);

        network.computeGradients(features, labels);
        network.trainingOutput(features);
        network.predict(features);
        assertEquals(initial, values(network), "neither a training forward pass nor inference writes a parameter");

        network.trainBatch(features, labels);
        // inputNorm normalizes the features themselves: its batch statistics are theirs, per channel over
        // batch, height and width, the variance biased; momentum 0.99, from mean 0 and variance 1.
        INDArray channels = features.reshape(-1, 2);
        INDArray mean = channels.mean(0);
        INDArray variance = channels.var(false, 0);
        assertTrue(parameter(network, "inputNorm/moving_mean").equalsWithEps(mean.mul(0.01), 1e-12));
        assertTrue(parameter(network, "inputNorm/moving_variance").equalsWithEps(variance.mul(0.01).add(0.99), 1e-12));
        assertFalse(parameter(network, "convNorm/moving_mean").equals(Nd4j.zeros(DataType.DOUBLE, 3)));
        assertFalse(parameter(network, "hiddenNorm/moving_variance").equals(Nd4j.ones(DataType.DOUBLE, 4)));
        assertFalse(parameter(network, "hiddenNorm/beta").equals(initial.get(index(network, "hiddenNorm/beta"))),
                "beta is trained");
    }

    @Test
    void inferenceIsSampleBySampleAndTrainingDependsOnTheBatch() {
        TinyModels_NormalizedNetwork network = new TinyModels_NormalizedNetwork(4, DataType.DOUBLE);
        INDArray features = features(6, 2);
        network.trainBatch(features, labels(6));
        INDArray first = features.get(NDArrayIndex.interval(0, 1));
        INDArray predicted = network.predict(features);
        assertTrue(predicted.getRow(0).reshape(1, 3).equalsWithEps(network.predict(first), 1e-12),
                "with the moving statistics a sample's output is its own");
        INDArray trained = network.trainingOutput(features).dup();
        INDArray trainedAlone = network.trainingOutput(features.get(NDArrayIndex.interval(0, 2))).dup();
        assertFalse(trained.getRow(0).equalsWithEps(trainedAlone.getRow(0), 1e-6),
                "with the batch's statistics it depends on the other samples");
        assertFalse(trained.equalsWithEps(predicted, 1e-6), "training and inference normalize differently");
        // Past the inference batch of 256 samples, the input of inputNorm is a range of rows of the features.
        INDArray many = features(300, 7);
        assertTrue(network.predict(many).getRow(299).reshape(1, 3).equalsWithEps(
                network.predict(many.get(NDArrayIndex.interval(299, 300))), 1e-12));
    }

    /** The moving statistics are parameters: saved, restored, and the same predictions after loading. */
    @Test
    void aCheckpointKeepsTheMovingStatistics() throws Exception {
        Random random = new Random(6);
        int samples = 40;
        Dataset data = Dataset.of("random", features(samples, 3), random.ints(samples, 0, 3).toArray(), 3);
        TinyModels_NormalizedNetwork network = new TinyModels_NormalizedNetwork(5, DataType.FLOAT);
        network.fit(data, FitOptions.epochs(2).batchSize(8).verbose(0));
        assertFalse(parameter(network, "convNorm/moving_variance").equals(Nd4j.ones(DataType.FLOAT, 3)), "trained");

        Path file = dir.resolve("normalized.lamina");
        network.save(file);
        TinyModels_NormalizedNetwork loaded = TinyModels_NormalizedNetwork.load(file);
        assertEquals(values(network), values(loaded), "every parameter, the moving statistics included");
        assertEquals(network.predict(data.features()), loaded.predict(data.features()));
        assertEquals(network.optimizer().state(), loaded.optimizer().state());
    }

    private static INDArray features(int batch, long seed) {
        Nd4j.getRandom().setSeed(seed);
        // Channels of different means and spreads, as real inputs have.
        INDArray features = Nd4j.rand(DataType.DOUBLE, batch, 5, 5, 2);
        features.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0)).muli(2).addi(1);
        features.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(1)).muli(0.5).subi(3);
        return features;
    }

    private static INDArray labels(int batch) {
        int[] classes = new Random(batch).ints(batch, 0, 3).toArray();
        return OneHot.encode(classes, 3, DataType.DOUBLE);
    }

    private static List<INDArray> values(TinyModels_NormalizedNetwork network) {
        return network.parameters().stream().map(p -> p.value().dup()).toList();
    }

    private static INDArray parameter(TinyModels_NormalizedNetwork network, String name) {
        return network.parameters().get(index(network, name)).value();
    }

    private static int index(TinyModels_NormalizedNetwork network, String name) {
        List<String> names = network.parameters().stream().map(Parameter::name).toList();
        assertTrue(names.contains(name), names.toString());
        return names.indexOf(name);
    }
}
