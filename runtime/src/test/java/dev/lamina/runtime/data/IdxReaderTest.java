package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on small files written here, raw and gzipped, good and bad. */
class IdxReaderTest {
    @TempDir
    Path dir;

    /** An IDX file of unsigned bytes: the magic 0x00000801 + rank, the dimensions, the values. */
    static byte[] idx(int[] dims, byte[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeByte(0x08);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(values);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    @Test
    void readsRawAndGzippedFiles() throws IOException {
        byte[] values = {0, 1, 2, (byte) 200, (byte) 255, 7};
        for (boolean gzip : new boolean[] {false, true}) {
            IdxFile file = IdxReader.read(write("images" + gzip, idx(new int[] {2, 3}, values), gzip));
            assertArrayEquals(new int[] {2, 3}, file.dims());
            assertEquals(2, file.count());
            assertArrayEquals(new int[] {3}, file.itemDims());
            assertEquals(200, file.unsigned(3), "bytes are unsigned");
            assertEquals(255, file.unsigned(4));
        }
    }

    @Test
    void refusesAWrongMagicNumber() throws IOException {
        byte[] content = idx(new int[] {2}, new byte[] {1, 2});
        content[0] = 0x12;
        assertFault(write("magic", content, false), "not an IDX file");
    }

    @Test
    void refusesAnUnsupportedTypeCode() throws IOException {
        byte[] content = idx(new int[] {2}, new byte[] {1, 2});
        content[2] = 0x0D;
        assertFault(write("type", content, false), "IDX data type 0x0d is not supported");
    }

    @Test
    void refusesTruncatedData() throws IOException {
        byte[] content = idx(new int[] {4, 4}, new byte[16]);
        assertFault(write("truncated", Arrays.copyOf(content, content.length - 5), false), "truncated");
        assertFault(write("truncated.gz", Arrays.copyOf(content, content.length - 5), true), "truncated");
        assertFault(write("header", Arrays.copyOf(content, 6), false), "ends early");
    }

    @Test
    void aHeaderPromisingMoreThanTheFileHoldsAllocatesNothing() throws IOException {
        // 20 bytes claiming 60000 images of 28x28: refused, not an OutOfMemoryError.
        byte[] content = Arrays.copyOf(idx(new int[] {60000, 28, 28}, new byte[0]), 20);
        assertFault(write("liar", content, false), "truncated");
        byte[] huge = idx(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}, new byte[4]);
        assertFault(write("huge", huge, false), "more values than a Java array holds");
    }

    @Test
    void refusesTrailingData() throws IOException {
        byte[] content = idx(new int[] {2}, new byte[] {1, 2, 3});
        assertFault(write("long", content, false), "more data than its header");
    }

    @Test
    void refusesAMissingFile() {
        assertFault(dir.resolve("absent"), "no such file");
    }

    @Test
    void loadsAnImageDatasetScaledWithItsLabels() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("tiny"));
        Files.write(folder.resolve("train-images-idx3-ubyte"), idx(new int[] {2, 2, 2}, new byte[] {0, (byte) 255, 51, 102, 1, 2, 3, 4}));
        write("tiny/train-labels-idx1-ubyte.gz", idx(new int[] {2}, new byte[] {3, 9}), true);
        Dataset data = new ImageDataset("tiny", 10, List.of()).train(dir);
        assertEquals(2, data.size());
        assertEquals("(2, 2)", data.sampleShape().toString());
        assertArrayEquals(new int[] {3, 9}, data.labels());
        assertEquals(1.0, data.features().getDouble(0, 0, 1), 1e-7);
        assertEquals(0.2, data.features().getDouble(0, 1, 0), 1e-7);
        assertEquals(1.0, data.labelsOneHot().getDouble(1, 9));
    }

    @Test
    void refusesLabelsThatDoNotFitTheImages() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("tiny"));
        Files.write(folder.resolve("train-images-idx3-ubyte"), idx(new int[] {2, 1, 1}, new byte[] {1, 2}));
        Files.write(folder.resolve("train-labels-idx1-ubyte"), idx(new int[] {3}, new byte[] {1, 2, 3}));
        ImageDataset tiny = new ImageDataset("tiny", 10, List.of());
        IdxFormatException counts = assertThrows(IdxFormatException.class, () -> tiny.train(dir));
        assertTrue(counts.getMessage().contains("train-labels-idx1-ubyte: 3 labels for the 2 images"), counts.getMessage());

        Files.write(folder.resolve("train-labels-idx1-ubyte"), idx(new int[] {2}, new byte[] {1, 12}));
        IdxFormatException range = assertThrows(IdxFormatException.class, () -> tiny.train(dir));
        assertTrue(range.getMessage().contains("label 12 of item 1 is outside the 10 classes"), range.getMessage());
    }

    @Test
    void aMissingFileWithNoMirrorSaysWhatToDo() {
        IOException e = assertThrows(IOException.class, () -> new ImageDataset("absent", 10, List.of()).test(dir));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz is not in"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-data.sh"), e.getMessage());
    }

    private static void assertFault(Path file, String fault) {
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(fault), "says '" + fault + "': " + e.getMessage());
    }
}
