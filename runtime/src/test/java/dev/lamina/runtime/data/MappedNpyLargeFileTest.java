package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.runtime.kernels.HostMemory;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A file of more than 2^31 bytes of values, which {@link NpyReader#map} refuses, mapped by
 * {@link MappedNpy#open(Path)} in gigabyte mappings. The file is sparse: the header, then a few known
 * samples (at the start, on both sides of the mappings' boundaries and of byte 2^31, at the end); the
 * rest reads as zeros. Skipped without 6 GB of free disk (a file system without sparse files writes
 * the zeros); deleted at the end.
 */
class MappedNpyLargeFileTest {
    private static final int PIXELS = 28 * 28;
    private static final long ROW_BYTES = PIXELS * 4L;
    /** Just over 2^31 bytes of values: 684,785 samples would do; 684,800 of 3,136 bytes are 2,147,532,800. */
    private static final int SAMPLES = 684_800;
    /** The samples of one gigabyte mapping. */
    private static final int PER_MAPPING = (int) ((1L << 30) / ROW_BYTES);
    /** The sample holding byte 2^31 of the values. */
    private static final int AT_2GB = (int) ((1L << 31) / ROW_BYTES);

    @Test
    void samplesBeyondTwoGigabytesReadBackAcrossTheMappings() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long usable = Files.getFileStore(tmp).getUsableSpace();
        assumeTrue(usable > 6L << 30, "needs 6 GB free in " + tmp + " for a 2 GB file; " + (usable >> 20) + " MB are");
        Path file = Files.createTempFile(tmp, "lamina-large", ".npy");
        try {
            int[] known = {0, 1, PER_MAPPING - 1, PER_MAPPING, 2 * PER_MAPPING - 1, 2 * PER_MAPPING,
                AT_2GB - 1, AT_2GB, AT_2GB + 1, SAMPLES - 1};
            write(file, known);
            assertTrue(SAMPLES * ROW_BYTES > NpyReader.LARGEST_MAPPED);
            NpyFormatException refused = assertThrows(NpyFormatException.class, () -> NpyReader.map(file));
            assertTrue(refused.getMessage().contains("MappedNpy.open(file)"), refused.getMessage());

            MappedNpy npy = MappedNpy.open(file);
            assertEquals(3, npy.mappings(), npy.toString());
            assertEquals(SAMPLES, npy.samples());
            Dataset data = Dataset.of("large", npy, new int[SAMPLES], 10);
            IllegalStateException e = assertThrows(IllegalStateException.class, data::features);
            assertTrue(e.getMessage().contains("2.15 GB in 3 mappings of " + file), e.getMessage());

            // One batch across every boundary, with a sample never written (zeros) among them.
            int[] batch = {AT_2GB + 1, PER_MAPPING - 1, PER_MAPPING, 12345, SAMPLES - 1, 0, AT_2GB, 2 * PER_MAPPING,
                2 * PER_MAPPING - 1, AT_2GB - 1, 1};
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                FeatureRows rows = data.featureRows(type);
                INDArray into = Nd4j.create(type, batch.length, PIXELS);
                rows.copy(batch, into, HostMemory.bytes(into));
                INDArray byNd4j = Nd4j.create(type, batch.length, PIXELS);
                rows.copy(batch, byNd4j, null);
                for (int i = 0; i < batch.length; i++) {
                    for (int j : new int[] {0, 1, 391, PIXELS - 1}) {
                        float expected = batch[i] == 12345 ? 0 : value(batch[i], j);
                        assertEquals(expected, into.getFloat(i, j), "sample " + batch[i] + ", value " + j + ", " + type);
                        assertEquals(expected, byNd4j.getFloat(i, j), "sample " + batch[i] + ", value " + j + " by ND4J");
                    }
                }
            }
            // A slice past 2 GB reads from the last mappings.
            Dataset tail = data.slice(AT_2GB, SAMPLES);
            INDArray last = Nd4j.create(DataType.FLOAT, 2, PIXELS);
            tail.featureRows(DataType.FLOAT).copy(new int[] {SAMPLES - 1 - AT_2GB, 0}, last, HostMemory.bytes(last));
            assertEquals(value(SAMPLES - 1, 7), last.getFloat(0, 7));
            assertEquals(value(AT_2GB, 7), last.getFloat(1, 7));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Value {@code j} of a known sample: it differs from sample to sample and along the row. */
    private static float value(int sample, int j) {
        return sample + j / 1024f;
    }

    /** The header, the file's full length (sparse), and the {@code known} samples' values. */
    private static void write(Path file, int[] known) throws IOException {
        byte[] header = MappedFiles.header(SAMPLES, 28, 28);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(header);
            out.setLength(header.length + SAMPLES * ROW_BYTES);
            ByteBuffer row = ByteBuffer.allocate((int) ROW_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int sample : known) {
                row.clear();
                for (int j = 0; j < PIXELS; j++) {
                    row.putFloat(value(sample, j));
                }
                out.seek(header.length + sample * ROW_BYTES);
                out.write(row.array());
            }
        }
    }
}
