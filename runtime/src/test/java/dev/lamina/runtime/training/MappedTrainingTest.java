package dev.lamina.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.MappedFiles;
import dev.lamina.runtime.data.NpyReader;
import dev.lamina.runtime.kernels.HostMemory;
import dev.lamina.runtime.optimizers.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * fit, evaluate and predict on features mapped in several pieces (3 or 7 samples a mapping here, a
 * gigabyte in use) give, bit for bit, what they give on the same features in memory.
 */
class MappedTrainingTest {
    private static final int SAMPLES = 50;

    @TempDir
    Path dir;

    private Path file;
    private int[] labels;

    @BeforeEach
    void write() throws IOException {
        file = MappedFiles.write(dir.resolve("features.npy"), Nd4j.rand(DataType.FLOAT, SAMPLES, 2, 3));
        labels = new Random(3).ints(SAMPLES, 0, 4).toArray();
    }

    @AfterEach
    void noPrefetchingThreadIsLeft() {
        assertFalse(PrefetchTest.prefetchThreadAlive());
    }

    private Dataset mapped(int perMapping) throws IOException {
        Dataset data = Dataset.of("mapped", MappedFiles.open(file, perMapping), labels, 4);
        assertTrue(data.isMapped());
        return data;
    }

    private Dataset inMemory() throws IOException {
        return Dataset.of("read", NpyReader.read(file), labels, 4);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 7})
    void fitGivesTheWeightsOfFitInMemory(int perMapping) throws IOException {
        double[] weights = new Random(2).doubles(SAMPLES).toArray();
        FitOptions options = FitOptions.epochs(3).batchSize(8).verbose(0).seed(11);
        for (FitOptions each : List.of(options, options.prefetch(false), options.validationSplit(0.2),
                options.validationSplit(0.2).prefetch(false), options.shuffle(false))) {
            assertSameWeights(weightsAfterFit(inMemory(), each, DataType.FLOAT),
                    weightsAfterFit(mapped(perMapping), each, DataType.FLOAT));
        }
        assertSameWeights(weightsAfterFit(inMemory().withSampleWeights(weights), options, DataType.FLOAT),
                weightsAfterFit(mapped(perMapping).withSampleWeights(weights), options, DataType.FLOAT));
    }

    @Test
    void aFloat64NetworkStreamsTooConvertingEachBatch() throws IOException {
        FitOptions options = FitOptions.epochs(2).batchSize(8).verbose(0).validationSplit(0.2);
        assertSameWeights(weightsAfterFit(inMemory(), options, DataType.DOUBLE),
                weightsAfterFit(mapped(3), options, DataType.DOUBLE));
        assertSameWeights(weightsAfterFit(inMemory(), options.prefetch(false), DataType.DOUBLE),
                weightsAfterFit(mapped(7), options, DataType.DOUBLE));
    }

    @Test
    void withoutTheHostLoopsND4JCopiesTheRowsInTheTrainingThread() throws IOException {
        FitOptions options = FitOptions.epochs(2).batchSize(8).verbose(0).validationSplit(0.2);
        String before = System.getProperty(HostMemory.LOOPS_PROPERTY);
        System.setProperty(HostMemory.LOOPS_PROPERTY, "false");
        try {
            Batches batches = new Batches(new AbstractNetworkTest.Tiny(List.of(), DataType.FLOAT), mapped(3));
            try (BatchFeed feed = new BatchFeed(batches, SAMPLES, 8, true)) {
                assertFalse(feed.prefetches());
            }
            // Compared with fit in memory with the loops off too: the layers' and optimizer's ND4J ops round apart from the loops.
            assertSameWeights(weightsAfterFit(inMemory(), options, DataType.FLOAT),
                    weightsAfterFit(mapped(3), options, DataType.FLOAT));
            assertSameWeights(weightsAfterFit(inMemory(), options, DataType.DOUBLE),
                    weightsAfterFit(mapped(7), options, DataType.DOUBLE));
        } finally {
            if (before == null) {
                System.clearProperty(HostMemory.LOOPS_PROPERTY);
            } else {
                System.setProperty(HostMemory.LOOPS_PROPERTY, before);
            }
        }
    }

    @Test
    void fitOnASplitsPartEqualsFitOnTheSamePartInMemory() throws IOException {
        FitOptions options = FitOptions.epochs(2).batchSize(8).verbose(0);
        Dataset.Split memory = inMemory().stratifiedSplit(0.3, 4);
        Dataset.Split mapped = mapped(3).stratifiedSplit(0.3, 4);
        assertSameWeights(weightsAfterFit(memory.train(), options.validation(memory.test()), DataType.FLOAT),
                weightsAfterFit(mapped.train(), options.validation(mapped.test()), DataType.FLOAT));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 7})
    void evaluateAndPredictEqualThoseInMemory(int perMapping) throws IOException {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            AbstractNetworkTest.Tiny network = new AbstractNetworkTest.Tiny(List.of(), type);
            network.fit(inMemory(), FitOptions.epochs(1).batchSize(8).verbose(0));
            Dataset memory = inMemory();
            Dataset mapped = mapped(perMapping);
            Evaluation expected = network.evaluate(memory);
            Evaluation actual = network.evaluate(mapped);
            assertEquals(expected.loss(), actual.loss(), 0, type.toString());
            assertEquals(expected.metrics(), actual.metrics());
            INDArray predicted = network.predict(memory.features());
            assertEquals(predicted, network.predict(mapped), type.toString());
            assertEquals(predicted, network.predict(memory), type.toString());
            assertEquals(network.predict(memory.slice(5, 40).features()), network.predict(mapped.slice(5, 40)));
            assertEquals(network.evaluate(memory.slice(5, 40)).loss(), network.evaluate(mapped.slice(5, 40)).loss(), 0);
        }
    }

    @Test
    void predictOnADatasetOfOtherSamplesIsRefused() throws IOException {
        AbstractNetworkTest.Tiny network = new AbstractNetworkTest.Tiny(List.of(), DataType.FLOAT);
        Dataset other = Dataset.of("wide", Nd4j.rand(DataType.FLOAT, 4, 3, 3), new int[4], 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> network.predict(other));
        assertEquals("predict: Tiny takes samples of (2, 3) but wide has samples of (3, 3)", e.getMessage());
    }

    private static List<float[]> weightsAfterFit(Dataset data, FitOptions options, DataType type) {
        AbstractNetworkTest.Tiny network = new AbstractNetworkTest.Tiny(List.of(), type);
        network.fit(data, options);
        List<float[]> weights = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            weights.add(parameter.value().dup().castTo(DataType.FLOAT).data().asFloat());
        }
        return weights;
    }

    private static void assertSameWeights(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
        }
    }
}
