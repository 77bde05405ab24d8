package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;

/** For tests of other packages: a file mapped in small pieces (the size is package-private), and .npy files written as NumPy does. */
public final class MappedFiles {
    private MappedFiles() {
    }

    /** {@code file} mapped {@code samplesPerMapping} samples a mapping, as {@link MappedNpy#open(Path)} maps a larger file a gigabyte at a time. */
    public static MappedNpy open(Path file, int samplesPerMapping) throws IOException {
        return MappedNpy.open(file, samplesPerMapping);
    }

    /** The header of a float32 C-order .npy of {@code shape}, padded to 64 bytes as NumPy writes it. */
    public static byte[] header(long... shape) {
        return header("<f4", shape);
    }

    private static byte[] header(String descr, long... shape) {
        String dims = shape.length == 1 ? shape[0] + ","
                : Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        StringBuilder dict = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((10 + dict.length() + 1) % 64 != 0) {
            dict.append(' ');
        }
        dict.append('\n');
        ByteBuffer header = ByteBuffer.allocate(10 + dict.length()).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) dict.length())
                .put(dict.toString().getBytes(StandardCharsets.ISO_8859_1));
        return header.array();
    }

    /** {@code values} written to {@code file} as NumPy saves an int32 vector. */
    public static Path writeInts(Path file, int[] values) throws IOException {
        Files.write(file, header("<i4", values.length));
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        Files.write(file, bytes.array(), StandardOpenOption.APPEND);
        return file;
    }

    /** {@code array} (float32) written to {@code file} as NumPy saves it, C order. */
    public static Path write(Path file, INDArray array) throws IOException {
        Files.write(file, header(array.shape()));
        float[] values = array.dup('c').data().asFloat();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        Files.write(file, bytes.array(), StandardOpenOption.APPEND);
        return file;
    }
}
