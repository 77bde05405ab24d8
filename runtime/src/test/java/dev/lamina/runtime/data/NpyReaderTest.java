package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The .npy and .npz reader on files NumPy 1.24 wrote (src/test/resources/npy, made by
 * make_fixtures.py), and on a few damaged headers written here.
 */
class NpyReaderTest {
    @TempDir
    Path dir;

    static Path fixtures() {
        try {
            return Path.of(NpyReaderTest.class.getResource("/npy/manifest.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static Path fixture(String name) {
        return fixtures().resolve(name);
    }

    /** One line of manifest.csv: the values are i * step + offset at C-order position i, cast to the dtype. */
    record Expected(String file, String dtype, long[] shape, double step, double offset) {
        static Expected parse(String line) {
            String[] cells = line.split(",", -1);
            long[] shape = cells[3].isEmpty() ? new long[0]
                    : Arrays.stream(cells[3].split("x")).mapToLong(Long::parseLong).toArray();
            return new Expected(cells[0], cells[1], shape, Double.parseDouble(cells[4]), Double.parseDouble(cells[5]));
        }

        double value(long i) {
            return i * step + offset;
        }
    }

    static List<Expected> manifest() throws IOException {
        List<String> lines = Files.readAllLines(fixture("manifest.csv"));
        return lines.subList(1, lines.size()).stream().map(Expected::parse).collect(Collectors.toList());
    }

    @Test
    void readsEveryArrayNumPyWroteWithItsValues() throws IOException {
        List<Expected> manifest = manifest();
        assertEquals(31, manifest.size());
        for (Expected expected : manifest) {
            INDArray array = NpyReader.read(fixture(expected.file()));
            String what = expected.file() + " " + array.shapeInfoToString();
            assertArrayEquals(expected.shape(), array.shape(), what);
            assertEquals('c', array.ordering(), what);
            assertEquals(expected.shape().length == 0 ? 0 : expected.shape().length, array.rank(), what);
            String code = expected.dtype().substring(1);
            assertEquals(NpyType.ofCode(code).dataType(), array.dataType(), what);
            DataBuffer data = array.data();
            for (int i = 0; i < array.length(); i++) {
                String at = what + " value " + i;
                switch (code) {
                    case "f4" -> assertEquals((float) expected.value(i), data.getFloat(i), at);
                    case "f8" -> assertEquals(expected.value(i), data.getDouble(i), at);
                    case "b1" -> assertEquals(expected.value(i) != 0, data.getInt(i) != 0, at);
                    default -> assertEquals((long) expected.value(i), data.getLong(i), at);
                }
            }
        }
    }

    @Test
    void fortranOrderGivesTheSameArrayAsCOrder() throws IOException {
        for (String name : List.of("rank2", "rank3", "rank3_i2")) {
            INDArray c = NpyReader.read(fixture(name + "_C.npy"));
            INDArray f = NpyReader.read(fixture(name + "_F.npy"));
            assertTrue(NpyReader.header(fixture(name + "_F.npy")).fortranOrder());
            assertEquals(c, f, name);
        }
        INDArray array = NpyReader.read(fixture("rank3_F.npy"));
        assertEquals(1 * 12 + 2 * 4 + 3, array.getDouble(1, 2, 3), "arange(24).reshape(2, 3, 4)[1, 2, 3]");
    }

    @Test
    void readsScalarsEmptyArraysAndBigEndianIntegers() throws IOException {
        INDArray scalar = NpyReader.read(fixture("scalar.npy"));
        assertEquals(0, scalar.rank());
        assertEquals(42.5, scalar.getDouble(0));
        INDArray empty = NpyReader.read(fixture("empty.npy"));
        assertArrayEquals(new long[] {0, 3}, empty.shape());
        assertTrue(empty.isEmpty());
        assertEquals(3_500_000_005L, NpyReader.read(fixture("u4_be.npy")).getLong(1, 2), "past int, read as long");
        assertEquals(203, NpyReader.read(fixture("u1_na.npy")).getInt(1, 2), "unsigned bytes");
        NpyHeader header = NpyReader.header(fixture("i8_be.npy"));
        assertEquals(NpyType.INT64, header.type());
        assertEquals("(2, 3)", header.shapeText());
    }

    @Test
    void readsArchivesStoredAndCompressed() throws IOException {
        for (String name : List.of("data.npz", "data_compressed.npz")) {
            try (NpzFile archive = NpzFile.open(fixture(name))) {
                assertEquals(List.of("x", "y"), archive.names());
                INDArray x = archive.array("x");
                assertEquals(x, archive.array("x.npy"));
                assertArrayEquals(new long[] {4, 3}, x.shape());
                assertEquals(5.5, x.getDouble(3, 2));
                assertArrayEquals(new long[] {0, 2, 1, 2}, archive.array("y").toLongVector());
                NpyFormatException missing = assertThrows(NpyFormatException.class, () -> archive.array("z"));
                assertTrue(missing.getMessage().contains(name + ": no array 'z' in the archive; it holds x, y"), missing.getMessage());
            }
        }
    }

    @Test
    void refusesWhatItDoesNotRead() {
        Map<String, String> faults = Map.ofEntries(
                Map.entry("bad_complex64.npy", "complex numbers ('<c8') are not read"),
                Map.entry("bad_complex128.npy", "complex numbers ('<c16') are not read"),
                Map.entry("bad_object.npy", "object arrays (Python objects, pickled) ('|O') are not read"),
                Map.entry("bad_unicode.npy", "strings ('<U2') are not read"),
                Map.entry("bad_bytes.npy", "strings ('|S2') are not read"),
                Map.entry("bad_float16.npy", "floats of 2 bytes ('<f2') are not read"),
                Map.entry("bad_structured.npy", "structured dtype [('a', '<f4'), ('b', '<i4')] is not read"),
                Map.entry("bad_u8_big.npy", "value 1 (in the file's order) is 9223372036854775808"),
                Map.entry("bad_truncated.npy", "truncated: the shape (3, 4) needs 48 bytes of data (12 values of f4) but the file holds 43"),
                Map.entry("bad_magic.npy", "not a .npy file"),
                Map.entry("bad_header_length.npy", "the header length 60000 runs past the end of the file (176 bytes)"),
                Map.entry("bad_dict.npy", "the header is not a Python dict: expected ',' or ')' at character"),
                Map.entry("bad_missing_key.npy", "the header has no 'fortran_order'"),
                Map.entry("absent.npy", "no such file"));
        faults.forEach((name, fault) -> assertFault(fixture(name), fault));
    }

    @Test
    void refusesADamagedArchiveEntry() throws IOException {
        try (NpzFile archive = NpzFile.open(fixture("bad_inside.npz"))) {
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> archive.array("x"));
            assertTrue(e.getMessage().contains("bad_inside.npz: entry x.npy: truncated"), e.getMessage());
        }
        NpyFormatException notZip = assertThrows(NpyFormatException.class, () -> NpzFile.open(fixture("f4_le.npy")));
        assertTrue(notZip.getMessage().contains("not an .npz file"), notZip.getMessage());
    }

    /** A version 1.0 .npy file with {@code dict} as its header and {@code data} after it. */
    static byte[] npy(int major, String dict, byte[] data) throws IOException {
        byte[] header = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        out.write(header.length & 0xFF);
        out.write(header.length >>> 8);
        if (major > 1) {
            out.write(new byte[] {0, 0});
        }
        out.write(header);
        out.write(data);
        return out.toByteArray();
    }

    private Path write(String dict, byte[] data) throws IOException {
        return Files.write(Files.createTempFile(dir, "case", ".npy"), npy(1, dict, data));
    }

    @Test
    void refusesDamagedHeadersWrittenHere() throws IOException {
        assertFault(write("{'descr': '<f4', 'fortran_order': 'no', 'shape': (1,), }", new byte[4]), "fortran_order is no");
        assertFault(write("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}", new byte[4]), "a key 'x' besides");
        assertFault(write("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", new byte[4]), "dimension 0 of the header's shape is -1");
        assertFault(write("{'descr': '<f4', 'fortran_order': False, 'shape': (2.5,), }", new byte[4]), "only whole numbers");
        assertFault(write("{'descr': '|f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]), "'|f4' gives no byte order");
        assertFault(write("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), } x", new byte[4]), "unexpected text after the dict");
        assertFault(write("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]), "'descr' appears twice");
        assertFault(write("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[5]), "holds 1 bytes more than its shape (1,) needs");
        assertFault(write("{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }", new byte[8]),
                "needs 40000000000 bytes of data (10000000000 values of f4) but the file holds 8");
        assertFault(write("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }", new byte[8]),
                "more values than can be counted");
        Path version = Files.write(dir.resolve("v4.npy"), npy(4, "{'descr': '<f4', 'fortran_order': False, 'shape': (), }", new byte[4]));
        assertFault(version, "header version 4.0 is not read (1.0, 2.0 and 3.0 are)");
        assertFault(Files.write(dir.resolve("short.npy"), new byte[] {(byte) 0x93, 'N'}), "fewer than a .npy header");
    }

    @Test
    void readsTheSameInWindowsOfAFewBytes() throws IOException {
        // The values are mapped and copied a window at a time (a gigabyte by default, so a file over
        // 2 GB takes several): windows of one value, and of a few bytes not a multiple of the value's
        // size, give the same arrays.
        for (Expected expected : manifest()) {
            Path file = fixture(expected.file());
            INDArray whole = NpyReader.read(file);
            for (long window : new long[] {1, 5, 12, NpyReader.WINDOW}) {
                INDArray windowed = NpyReader.read(file, window);
                assertEquals(whole, windowed, expected.file() + " in windows of " + window);
                assertArrayEquals(whole.data().asLong(), windowed.data().asLong(), expected.file() + " in windows of " + window);
            }
        }
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.read(fixture("bad_u8_big.npy"), 8));
        assertTrue(e.getMessage().contains("value 1 (in the file's order)"), "counts across windows: " + e.getMessage());
    }

    static void assertFault(Path file, String fault) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.read(file), file.toString());
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(fault), "says '" + fault + "': " + e.getMessage());
        assertEquals(file, e.file());
    }
}
