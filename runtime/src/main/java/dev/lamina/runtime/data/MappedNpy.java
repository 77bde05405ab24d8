package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The samples of a float32 {@code .npy} file, (samples, sample shape...), memory-mapped in pieces:
 * features of any size for {@link Dataset#of(String, MappedNpy, int[], int)} (or
 * {@link NpyDataset#mapped}). A Java 17 mapping is indexed by an int and an ND4J buffer is one
 * pointer, so a file of more than {@value NpyReader#LARGEST_MAPPED} bytes of values cannot be one
 * array ({@link NpyReader#map}); it is mapped here as several mappings of a whole number of samples,
 * at most a gigabyte each, so that no sample straddles two, and {@code fit}, {@code evaluate} and
 * {@code predict(Dataset)} copy each batch's rows out of them. The operating system pages the values
 * in as batches read them and drops them under memory pressure; neither the heap nor ND4J holds them.
 *
 * <p>The file must be what {@link NpyReader#map} takes (little-endian float32, C order, the values
 * at a multiple of 64 bytes); anything else is an {@link NpyFormatException} pointing to
 * {@link NpyReader#read}. A file whose values fit in one mapping is mapped as one, and its dataset's
 * {@link Dataset#features()} is then an array over it, as {@link NpyReader#map}'s.
 */
public final class MappedNpy {
    private final Path file;
    private final long[] shape;
    private final int rowFloats;
    private final int perMapping;
    /** The mappings, little-endian, each {@link #perMapping} samples but the last. */
    private final MappedByteBuffer[] mappings;
    /** The same as floats, for the copies ND4J makes. */
    private final FloatBuffer[] floats;

    private MappedNpy(Path file, long[] shape, int rowFloats, int perMapping, MappedByteBuffer[] mappings) {
        this.file = file;
        this.shape = shape;
        this.rowFloats = rowFloats;
        this.perMapping = perMapping;
        this.mappings = mappings;
        this.floats = Arrays.stream(mappings).map(m -> m.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer())
                .toArray(FloatBuffer[]::new);
    }

    /**
     * The samples of {@code file}, mapped: in one mapping if the values fit ({@value
     * NpyReader#LARGEST_MAPPED} bytes), else in mappings of at most a gigabyte (2^30 bytes).
     *
     * @throws NpyFormatException as {@link NpyReader#map}, or if the file is not (samples, ...) or a
     *                            sample is more than one mapping holds
     * @throws IOException        if it cannot be read
     */
    public static MappedNpy open(Path file) throws IOException {
        return open(file, 0);
    }

    /** {@link #open(Path)} with {@code samplesPerMapping} samples a mapping (0: as many as {@link #open(Path)} maps). */
    static MappedNpy open(Path file, int samplesPerMapping) throws IOException {
        NpyReader.Origin origin = new NpyReader.Origin(file, null);
        NpyHeader header = NpyReader.mappableHeader(file);
        long[] shape = header.shape();
        if (shape.length < 2) {
            throw origin.fault("features must be (samples, sample shape...) but the shape is " + header.shapeText());
        }
        if (shape[0] > Integer.MAX_VALUE) {
            throw origin.fault(shape[0] + " samples are more than a Dataset holds (" + Integer.MAX_VALUE + ")");
        }
        int samples = (int) shape[0];
        long rowValues = Arrays.stream(shape, 1, shape.length).reduce(1, (a, b) -> a * b);
        long rowBytes = rowValues * 4;
        if (rowBytes > NpyReader.LARGEST_MAPPED) {
            throw origin.fault("a sample of " + rowBytes + " bytes is more than the " + NpyReader.LARGEST_MAPPED
                    + " one mapping holds");
        }
        int perMapping = samplesPerMapping > 0 ? samplesPerMapping : perMapping(samples, rowBytes);
        boolean writable = Files.isWritable(file);
        try (FileChannel channel = NpyReader.open(file, writable)) {
            NpyReader.requireLength(origin, header, channel.size());
            int count = rowBytes == 0 ? 0 : (int) ((samples + (long) perMapping - 1) / perMapping);
            MappedByteBuffer[] mappings = new MappedByteBuffer[count];
            for (int k = 0; k < count; k++) {
                long first = (long) k * perMapping;
                long length = Math.min(perMapping, samples - first) * rowBytes;
                // Private when the file may be written, as NpyReader.map: writing to features() never changes the file.
                mappings[k] = channel.map(NpyReader.mode(writable), header.dataOffset() + first * rowBytes, length);
            }
            return new MappedNpy(file, shape, (int) rowValues, perMapping, mappings);
        }
    }

    /** All samples in one mapping if they fit, else as many as fit in a gigabyte (at least one). */
    private static int perMapping(int samples, long rowBytes) {
        if (rowBytes == 0 || samples * rowBytes <= NpyReader.LARGEST_MAPPED) {
            return Math.max(1, samples);
        }
        return (int) Math.max(1, NpyReader.WINDOW / rowBytes);
    }

    /** The file mapped. */
    public Path file() {
        return file;
    }

    /** The file's shape: (samples, sample shape...). */
    public long[] shape() {
        return shape.clone();
    }

    public int samples() {
        return (int) shape[0];
    }

    /** The number of mappings the samples are in. */
    public int mappings() {
        return mappings.length;
    }

    /** The bytes of values mapped. */
    public long bytes() {
        return shape[0] * rowFloats * 4L;
    }

    int rowFloats() {
        return rowFloats;
    }

    int perMapping() {
        return perMapping;
    }

    /** Mapping {@code k}, little-endian: copies read it with absolute gets, which any thread may make. */
    MappedByteBuffer mapping(int k) {
        return mappings[k];
    }

    FloatBuffer floats(int k) {
        return floats[k];
    }

    /** The whole file as one float32 array over its mapping (as {@link NpyReader#map}'s), or null if it is in several. */
    INDArray array() {
        if (mappings.length == 0) {
            return Nd4j.create(DataType.FLOAT, shape);
        }
        return mappings.length == 1 ? NpyReader.array(mappings[0], shape) : null;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%d samples, %.2f GB in %d %s)", file, shape[0], bytes() / 1e9,
                mappings.length, mappings.length == 1 ? "mapping" : "mappings");
    }
}
