package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.kernels.HostMemory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link MappedNpy}: a file in several mappings (a few samples each here; a gigabyte each in use)
 * reads the rows {@link NpyReader#read} reads, and a dataset over it slices, selects and splits as
 * one in memory, without ever being one array.
 */
class MappedNpyTest {
    private static final int SAMPLES = 10;

    @TempDir
    Path dir;

    /** (10, 2, 3) float32 values, random, and the file holding them. */
    private Path file;
    private INDArray values;

    private void write() throws IOException {
        values = Nd4j.rand(DataType.FLOAT, SAMPLES, 2, 3);
        file = MappedFiles.write(dir.resolve("features.npy"), values);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 5, 10, 0})
    void gatheredRowsAreTheRowsReadWhateverTheMappings(int perMapping) throws IOException {
        write();
        MappedNpy npy = MappedNpy.open(file, perMapping);
        assertEquals(perMapping == 0 ? 1 : (SAMPLES + perMapping - 1) / perMapping, npy.mappings());
        INDArray read = NpyReader.read(file).reshape('c', SAMPLES, 6);
        int[] indices = {9, 0, 3, 2, 5, 6, 8, 2, 1, 4, 7};
        INDArray expected = Nd4j.pullRows(read, 1, indices);
        MappedRows rows = new MappedRows(npy);
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            INDArray into = Nd4j.create(type, indices.length + 2, 6);
            rows.copy(indices, into, HostMemory.bytes(into));
            assertEquals(expected.castTo(type), into.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, indices.length)),
                    type + " in host memory");
            INDArray byNd4j = Nd4j.create(type, indices.length, 6);
            rows.copy(indices, byNd4j, null);
            assertEquals(expected.castTo(type), byNd4j, type + " by ND4J");
        }
    }

    @Test
    void anIndexOutsideTheRowsIsRefused() throws IOException {
        write();
        MappedRows rows = new MappedRows(MappedNpy.open(file, 3)).slice(2, 6);
        INDArray into = Nd4j.create(DataType.FLOAT, 2, 6);
        assertThrows(IndexOutOfBoundsException.class, () -> rows.copy(new int[] {0, 4}, into, HostMemory.bytes(into)));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void slicesSelectionsAndSplitsEqualThoseOfTheDataInMemory(int perMapping) throws IOException {
        write();
        int[] labels = IntStream.range(0, SAMPLES).map(i -> i % 3).toArray();
        Dataset mapped = Dataset.of("mapped", MappedNpy.open(file, perMapping), labels, 3);
        Dataset memory = Dataset.of("read", NpyReader.read(file), labels, 3);
        assertTrue(mapped.isMapped());
        assertFalse(memory.isMapped());
        assertSame(memory, mapped);
        assertSame(memory.slice(2, 9), mapped.slice(2, 9));
        assertSame(memory.slice(2, 9).slice(1, 4), mapped.slice(2, 9).slice(1, 4));
        int[] chosen = {7, 1, 1, 9, 4};
        assertSame(memory.select(chosen), mapped.select(chosen));
        assertSame(memory.slice(3, 10).select(new int[] {6, 0, 2}), mapped.slice(3, 10).select(new int[] {6, 0, 2}));
        assertSame(memory.select(chosen).slice(1, 4), mapped.select(chosen).slice(1, 4));
        Dataset.Split a = memory.split(0.3, 5);
        Dataset.Split b = mapped.split(0.3, 5);
        assertSame(a.train(), b.train());
        assertSame(a.test(), b.test());
        Dataset.Split c = memory.stratifiedSplit(0.4, 8);
        Dataset.Split d = mapped.stratifiedSplit(0.4, 8);
        assertSame(c.train(), d.train());
        assertSame(c.test(), d.test());
        assertTrue(d.test().isMapped(), "a split's parts are views of the mappings");
        assertEquals(memory.withSampleWeights(new double[SAMPLES]).labelsOneHot(), mapped.labelsOneHot());
    }

    /** The same samples, labels, shape and feature rows (read as fit reads them). */
    private static void assertSame(Dataset expected, Dataset actual) {
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.sampleShape(), actual.sampleShape());
        assertArrayEquals(expected.labels(), actual.labels());
        assertEquals(all(expected, DataType.FLOAT), all(actual, DataType.FLOAT));
        assertEquals(all(expected, DataType.DOUBLE), all(actual, DataType.DOUBLE));
    }

    /** Every row of {@code data}'s features, gathered as fit gathers them, in {@code type}. */
    static INDArray all(Dataset data, DataType type) {
        FeatureRows rows = data.featureRows(type);
        INDArray into = Nd4j.create(type, data.size(), rows.rowLength());
        rows.copy(IntStream.range(0, data.size()).toArray(), into, HostMemory.bytes(into));
        return into;
    }

    @Test
    void featuresInSeveralMappingsAreRefusedSayingTheyAreReadByBatch() throws IOException {
        write();
        Dataset data = Dataset.of("ten", MappedNpy.open(file, 3), new int[SAMPLES], 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, data::features);
        assertEquals("ten: the features are 0.00 GB in 4 mappings of " + file
                + " and are read by batch (fit, evaluate, predict(Dataset)), never as one array", e.getMessage());
        assertThrows(IllegalStateException.class, () -> data.slice(0, 2).features());
    }

    @Test
    void featuresInOneMappingAreAnArrayOverIt() throws IOException {
        write();
        Dataset data = Dataset.of("ten", MappedNpy.open(file), new int[SAMPLES], 2);
        INDArray read = NpyReader.read(file);
        assertEquals(read, data.features());
        assertEquals(read.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 5)), data.slice(2, 5).features());
        assertEquals(Dataset.of("read", read, new int[SAMPLES], 2).select(new int[] {4, 1}).features(),
                data.select(new int[] {4, 1}).features());
    }

    @Test
    void refusesWhatMapRefusesPointingToRead() {
        for (String name : List.of("f4_be", "f8_le", "i4_le", "rank2_F", "b1")) {
            NpyFormatException e = assertThrows(NpyFormatException.class,
                    () -> MappedNpy.open(NpyReaderTest.fixture(name + ".npy")), name);
            assertTrue(e.getMessage().contains("NpyReader.read"), e.getMessage());
        }
        NpyFormatException vector = assertThrows(NpyFormatException.class,
                () -> MappedNpy.open(NpyReaderTest.fixture("vector.npy")));
        assertTrue(vector.getMessage().contains("features must be (samples, sample shape...)"), vector.getMessage());
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        write();
        byte[] bytes = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> MappedNpy.open(cut, 3));
        assertTrue(e.getMessage().contains("needs 240 bytes of data but the file holds 236"), e.getMessage());
        assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
    }

    @Test
    void npyDatasetMapsTheFeaturesAndReadsTheLabels() throws IOException {
        write();
        Path labels = MappedFiles.writeInts(dir.resolve("labels.npy"), new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0});
        Dataset mapped = NpyDataset.mapped("ten", file, labels, 3);
        assertSame(NpyDataset.of("ten", file, labels, 3), mapped);
        assertTrue(mapped.isMapped());
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyDataset.mapped("ten", file, labels, 2));
        assertTrue(e.getMessage().contains("label 2 of sample 2 is outside the 2 classes"), e.getMessage());
        Path fewer = MappedFiles.write(dir.resolve("fewer.npy"), values.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 9)));
        NpyFormatException count = assertThrows(NpyFormatException.class, () -> NpyDataset.mapped("nine", fewer, labels, 3));
        assertTrue(count.getMessage().contains("10 labels for the 9 samples of " + fewer), count.getMessage());
    }
}
