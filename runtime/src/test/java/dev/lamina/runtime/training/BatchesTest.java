package dev.lamina.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Task;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.kernels.HostMemory;
import dev.lamina.runtime.optimizers.Optimizer;
import dev.lamina.runtime.optimizers.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Batches gathered in Java from host memory, or by ND4J's pullRows elsewhere, hold the rows asked for. */
class BatchesTest {
    private static final int SAMPLES = 50;
    private static final int CLASSES = 4;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void batchesHoldTheRowsAskedForInTheirOrder(boolean sliced) {
        int[] labels = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            labels[i] = i % CLASSES;
        }
        INDArray features = Nd4j.arange(SAMPLES * 6).reshape('c', SAMPLES, 2, 3).castTo(DataType.FLOAT);
        Dataset all = Dataset.of("numbers", features, labels, CLASSES);
        // A slice (what a validation split trains on) is a view, gathered by pullRows.
        Dataset data = sliced ? all.slice(10, SAMPLES) : all;
        int offset = sliced ? 10 : 0;
        Batches batches = new Batches(network(DataType.FLOAT), data);
        assertEquals(!sliced, HostMemory.holds(data.features().reshape('c', data.size(), 6)));

        for (int[] indices : new int[][] {{7, 0, 39, 7, 12}, {3, 38}}) {
            INDArray x = batches.features(indices);
            INDArray y = batches.labels(indices);
            assertEquals(List.of((long) indices.length, 2L, 3L), List.of(x.size(0), x.size(1), x.size(2)));
            for (int i = 0; i < indices.length; i++) {
                int sample = indices[i] + offset;
                for (int j = 0; j < 6; j++) {
                    assertEquals(sample * 6 + j, x.getFloat(i, j / 3, j % 3), "features of row " + i);
                }
                for (int c = 0; c < CLASSES; c++) {
                    assertEquals(c == sample % CLASSES ? 1f : 0f, y.getFloat(i, c), "label of row " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void batchesComeInTheNetworksDataType(DataType type) {
        INDArray features = Nd4j.rand(DataType.FLOAT, SAMPLES, 2, 3);
        Batches batches = new Batches(network(type), Dataset.of("random", features, new int[SAMPLES], CLASSES));
        INDArray x = batches.features(new int[] {49, 1});
        assertEquals(type, x.dataType());
        assertEquals(features.getDouble(49, 1, 2), x.getDouble(0, 1, 2), 1e-6);
        assertEquals(features.getDouble(1, 0, 0), x.getDouble(1, 0, 0), 1e-6);
    }

    /** A float32 contiguous source, whole or a range of its rows, is gathered from, not copied first. */
    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 10})
    void aContiguousFloatSourceIsNotCopied(int from) {
        INDArray features = Nd4j.rand(DataType.FLOAT, SAMPLES, 2, 3);
        Dataset all = Dataset.of("random", features, new int[SAMPLES], CLASSES);
        Dataset data = from < 0 ? all : all.slice(from, SAMPLES - 5);
        int offset = Math.max(0, from);
        Batches batches = new Batches(network(DataType.FLOAT), data);
        features.putScalar(new long[] {offset + 3, 1, 2}, 42f);
        assertEquals(42f, batches.features(new int[] {3}).getFloat(0, 1, 2), "a change made after is seen");
    }

    @Test
    void viewsAreNotHostMemoryToWriteThrough() {
        INDArray wide = Nd4j.create(DataType.FLOAT, 4, 6);
        assertTrue(HostMemory.holds(wide));
        assertFalse(HostMemory.holds(wide.getColumn(2)), "a column");
    }

    /** A network of input (2, 3) and four classes: all that batching asks of one. */
    private static Network network(DataType type) {
        return new Network() {
            @Override public String modelName() { return "Stub"; }
            @Override public Shape inputShape() { return Shape.of(2, 3); }
            @Override public int classes() { return CLASSES; }
            @Override public Task task() { return Task.MULTICLASS; }
            @Override public List<String> classNames() { throw new UnsupportedOperationException(); }
            @Override public void classNames(List<String> names) { throw new UnsupportedOperationException(); }
            @Override public int units() { return CLASSES; }
            @Override public int topK() { return 5; }
            @Override public Loss loss() { return Loss.CATEGORICAL_CROSSENTROPY; }
            @Override public boolean outputsLogits() { return false; }
            @Override public List<Metric> metrics() { return List.of(); }
            @Override public void summary() { }
            @Override public DataType dataType() { return type; }
            @Override public INDArray trainBatch(INDArray features, INDArray labels, INDArray weights) { throw new UnsupportedOperationException(); }
            @Override public INDArray computeGradients(INDArray features, INDArray labels, INDArray weights) { throw new UnsupportedOperationException(); }
            @Override public INDArray trainingOutput(INDArray features) { throw new UnsupportedOperationException(); }
            @Override public List<Parameter> parameters() { return List.of(); }
            @Override public Optimizer optimizer() { throw new UnsupportedOperationException(); }
            @Override public INDArray output(INDArray features) { throw new UnsupportedOperationException(); }
            @Override public void changeWeights(Runnable change) { throw new UnsupportedOperationException(); }
            @Override public Evaluation evaluate(Dataset data) { throw new UnsupportedOperationException(); }
            @Override public boolean needsAdapting() { return false; }
            @Override public void adapt(Dataset data) { throw new UnsupportedOperationException(); }
        };
    }
}
