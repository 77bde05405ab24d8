package dev.lamina.runtime.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.MappedFiles;
import dev.lamina.runtime.data.NpyReader;
import dev.lamina.runtime.optimizers.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prefetching gathers the next batch on a background thread: the same batches in the same order, so
 * the same weights bit for bit; the thread lives only during fit, and its faults come out of fit.
 */
class PrefetchTest {
    private static final int SAMPLES = 50;

    @TempDir
    Path dir;

    @AfterEach
    void noPrefetchingThreadIsLeft() throws InterruptedException {
        assertFalse(prefetchThreadAlive(), "a " + BatchFeed.THREAD_NAME + " thread outlived its fit");
    }

    @Test
    void prefetchingChangesNoResult() {
        Dataset data = data(Nd4j.rand(DataType.FLOAT, SAMPLES, 2, 3)).withSampleWeights(new Random(2).doubles(SAMPLES).toArray());
        // 7 a batch: 8 steps, the last of 1 sample; three epochs, so the two sets of arrays swap across epochs.
        FitOptions options = FitOptions.epochs(3).batchSize(7).verbose(0).seed(11);
        List<float[]> with = weightsAfterFit(data, options.prefetch(true));
        List<float[]> without = weightsAfterFit(data, options.prefetch(false));
        for (int i = 0; i < with.size(); i++) {
            assertArrayEquals(without.get(i), with.get(i), "parameter " + i);
        }
        List<float[]> split = weightsAfterFit(data, options.validationSplit(0.2).prefetch(true));
        List<float[]> splitWithout = weightsAfterFit(data, options.validationSplit(0.2).prefetch(false));
        for (int i = 0; i < split.size(); i++) {
            assertArrayEquals(splitWithout.get(i), split.get(i), "parameter " + i + " with a validation split");
        }
    }

    @Test
    void fitOnAMappedFileEqualsFitOnTheFileRead() throws IOException {
        Path file = dir.resolve("features.npy");
        INDArray features = Nd4j.rand(DataType.FLOAT, SAMPLES, 2, 3);
        MappedFiles.write(file, features);
        INDArray mapped = NpyReader.map(file);
        assertEquals(features, mapped);
        FitOptions options = FitOptions.epochs(2).batchSize(8).verbose(0);
        List<float[]> fromMap = weightsAfterFit(data(mapped), options);
        List<float[]> fromRead = weightsAfterFit(data(NpyReader.read(file)), options.prefetch(false));
        for (int i = 0; i < fromMap.size(); i++) {
            assertArrayEquals(fromRead.get(i), fromMap.get(i), "parameter " + i);
        }
    }

    @Test
    void theThreadRunsDuringFitOnlyAndStopsWhenACallbackStopsFit() {
        List<Boolean> alive = new ArrayList<>();
        Callback watch = new Callback() {
            @Override
            public void onBatchEnd(Training training, int batch, Map<String, Double> logs) {
                alive.add(prefetchThreadAlive());
                if (batch == 2) {
                    training.stop();
                }
            }
        };
        new AbstractNetworkTest.Tiny(List.of(), DataType.FLOAT).fit(data(Nd4j.rand(DataType.FLOAT, SAMPLES, 2, 3)),
                FitOptions.epochs(2).batchSize(5).verbose(0).callbacks(watch));
        assertEquals(List.of(true, true, true), alive);
        // noPrefetchingThreadIsLeft checks the end
    }

    @Test
    void aFaultInTheGathererComesOutWithItsCause() {
        AbstractNetworkTest.Tiny network = new AbstractNetworkTest.Tiny(List.of(), DataType.FLOAT);
        Batches batches = new Batches(network, data(Nd4j.rand(DataType.FLOAT, SAMPLES, 2, 3)));
        IllegalStateException e;
        try (BatchFeed feed = new BatchFeed(batches, SAMPLES, 4, true)) {
            assertTrue(feed.prefetches());
            // Sample 99 does not exist: gathering the second batch fails in the background thread.
            feed.epoch(new int[] {0, 1, 2, 3, 4, 99, 6, 7});
            feed.batch(0);
            e = assertThrows(IllegalStateException.class, () -> feed.batch(1));
        }
        assertInstanceOf(IndexOutOfBoundsException.class, e.getCause());
        assertTrue(e.getMessage().startsWith("fit: gathering batch 2 failed"), e.getMessage());
    }

    @Test
    void withoutHostMemoryTheTrainingThreadGathers() {
        String before = System.getProperty(dev.lamina.runtime.kernels.HostMemory.LOOPS_PROPERTY);
        System.setProperty(dev.lamina.runtime.kernels.HostMemory.LOOPS_PROPERTY, "false");
        try {
            AbstractNetworkTest.Tiny network = new AbstractNetworkTest.Tiny(List.of(), DataType.FLOAT);
            Batches batches = new Batches(network, data(Nd4j.rand(DataType.FLOAT, SAMPLES, 2, 3)));
            try (BatchFeed feed = new BatchFeed(batches, SAMPLES, 4, true)) {
                assertFalse(feed.prefetches());
            }
        } finally {
            if (before == null) {
                System.clearProperty(dev.lamina.runtime.kernels.HostMemory.LOOPS_PROPERTY);
            } else {
                System.setProperty(dev.lamina.runtime.kernels.HostMemory.LOOPS_PROPERTY, before);
            }
        }
    }

    private static Dataset data(INDArray features) {
        int[] classes = new Random(3).ints(SAMPLES, 0, 4).toArray();
        return Dataset.of("fifty", features, classes, 4);
    }

    private static List<float[]> weightsAfterFit(Dataset data, FitOptions options) {
        AbstractNetworkTest.Tiny network = new AbstractNetworkTest.Tiny(List.of(), DataType.FLOAT);
        network.fit(data, options);
        List<float[]> weights = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            weights.add(parameter.value().dup().data().asFloat());
        }
        return weights;
    }

    static boolean prefetchThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(BatchFeed.THREAD_NAME) && t.isAlive());
    }

}
