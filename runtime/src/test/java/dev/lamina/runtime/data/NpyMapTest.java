package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link NpyReader#map}: the same values as {@link NpyReader#read} on NumPy's files, without a copy. */
class NpyMapTest {
    @TempDir
    Path dir;

    @Test
    void mapsWhatReadReadsOnNumPysFloat32Files() throws IOException {
        for (String name : List.of("f4_le", "rank2_C", "vector", "scalar", "version2", "version3", "empty")) {
            Path file = NpyReaderTest.fixture(name + ".npy");
            INDArray mapped = NpyReader.map(file);
            INDArray read = NpyReader.read(file);
            assertEquals(DataType.FLOAT, mapped.dataType(), name);
            assertTrue(Arrays.equals(read.shape(), mapped.shape()), name);
            assertEquals(read, mapped, name);
        }
    }

    @Test
    void refusesWhatCannotBeViewedAsItIsPointingToRead() {
        for (String name : List.of("f4_be", "f8_le", "i4_le", "rank2_F", "b1")) {
            NpyFormatException e = assertThrows(NpyFormatException.class,
                    () -> NpyReader.map(NpyReaderTest.fixture(name + ".npy")), name);
            assertTrue(e.getMessage().contains("NpyReader.read"), e.getMessage());
        }
    }

    @Test
    void theBufferIsTheFileNotACopy() throws IOException {
        Path file = write(dir.resolve("x.npy"), 1000, 7);
        INDArray mapped = NpyReader.map(file);
        // The mapping is private: writing to the array does not change the file.
        mapped.putScalar(0, 0, -1f);
        assertEquals(-1f, mapped.getFloat(0, 0));
        assertEquals(0f, NpyReader.read(file).getFloat(0, 0));
    }

    @Test
    void theMappingLivesAsLongAsTheArray() throws IOException {
        Path file = write(dir.resolve("y.npy"), 5000, 33);
        INDArray mapped = NpyReader.map(file);
        for (int i = 0; i < 5; i++) {
            System.gc();
            byte[] garbage = new byte[1 << 20];
            garbage[0] = 1;
        }
        assertEquals(NpyReader.read(file), mapped);
    }

    /** A float32 (rows, width) .npy whose value i (C order) is i, written as NumPy does (header padded to 64). */
    static Path write(Path file, int rows, int width) throws IOException {
        Files.write(file, MappedFiles.header(rows, width));
        ByteBuffer values = ByteBuffer.allocate(rows * width * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rows * width; i++) {
            values.putFloat(i);
        }
        Files.write(file, values.array(), java.nio.file.StandardOpenOption.APPEND);
        return file;
    }
}
