package dev.lamina.runtime.data;

import static dev.lamina.runtime.data.NpyReaderTest.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Datasets from NumPy files NumPy wrote (see NpyReaderTest). */
class NpyDatasetTest {
    @Test
    void classLabelsFromAnArchive() throws IOException {
        try (NpzFile archive = NpzFile.open(fixture("data_compressed.npz"))) {
            Dataset data = NpyDataset.of("tiny", archive, "x", "y");
            assertEquals(4, data.size());
            assertEquals(3, data.classes(), "the largest label is 2");
            assertArrayEquals(new int[] {0, 2, 1, 2}, data.labels());
            assertEquals(DataType.FLOAT, data.features().dataType());
        }
    }

    @Test
    void classLabelsAndTargetsFromFiles() throws IOException {
        Dataset data = NpyDataset.of("rows", fixture("rank2_C.npy"), fixture("labels_short.npy"), 5);
        assertEquals(5, data.classes());
        assertArrayEquals(new int[] {0, 1, 1}, data.labels());
        Dataset wide = NpyDataset.of("rows", fixture("rank3_C.npy"), fixture("y_of_two.npy"));
        assertEquals(DataType.FLOAT, wide.features().dataType(), "float64 features become float32");
        assertEquals(2, wide.classes());
        Dataset regression = NpyDataset.ofTargets("rows", fixture("rank2_C.npy"), fixture("labels_short.npy"));
        assertEquals(1, regression.targets().size(1));
        assertEquals(1.0, regression.targets().getDouble(2, 0));
    }

    @Test
    void refusesLabelsThatDoNotFitTheFeatures() {
        Path features = fixture("f4_le.npy");
        Path labels = fixture("labels_short.npy");
        NpyFormatException count = assertThrows(NpyFormatException.class, () -> NpyDataset.of("x", features, labels));
        assertTrue(count.getMessage().startsWith(labels + ": 3 labels for the 2 samples of " + features), count.getMessage());
        NpyFormatException range = assertThrows(NpyFormatException.class,
                () -> NpyDataset.of("x", fixture("rank2_C.npy"), labels, 1));
        assertTrue(range.getMessage().contains("label 1 of sample 1 is outside the 1 classes [0, 0]"), range.getMessage());
        NpyFormatException floats = assertThrows(NpyFormatException.class,
                () -> NpyDataset.of("x", fixture("rank2_C.npy"), fixture("rank2_C.npy")));
        assertTrue(floats.getMessage().contains("labels must be one per sample"), floats.getMessage());
        NpyFormatException integers = assertThrows(NpyFormatException.class,
                () -> NpyDataset.of("x", fixture("rank3_C.npy"), fixture("float_labels.npy")));
        assertTrue(integers.getMessage().contains("float_labels.npy: labels must be integers but are FLOAT"), integers.getMessage());
        NpyFormatException vector = assertThrows(NpyFormatException.class,
                () -> NpyDataset.ofTargets("x", fixture("vector.npy"), fixture("vector.npy")));
        assertTrue(vector.getMessage().contains("features must be (samples, sample shape...)"), vector.getMessage());
    }

    @Test
    void namesTheArchiveAndItsArrays() throws IOException {
        try (NpzFile archive = NpzFile.open(fixture("data.npz"))) {
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyDataset.of("x", archive, "y", "x"));
            assertTrue(e.getMessage().contains("data.npz: array 'y': features must be"), e.getMessage());
        }
    }
}
