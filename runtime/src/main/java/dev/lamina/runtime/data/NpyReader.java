package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads NumPy's {@code .npy} files (what {@code np.save} writes; header versions 1.0, 2.0 and 3.0)
 * into ND4J arrays, in C order whatever the file's order. The types read and what each becomes are
 * {@link NpyType}'s: float32 stays float32 and float64 stays float64 (cast with
 * {@code castTo(DataType.FLOAT)} or {@link Dataset#withDataType} to train; {@link NpyDataset} does),
 * integers become INT or LONG holding the same values, bools BOOL. Object arrays, complex numbers,
 * strings, float16, dates and structured types are refused by name.
 *
 * <p>The values are read through memory maps, a gigabyte at a time, so the file's bytes go once into
 * the ND4J buffer, are not first copied onto the heap, and may be more than 2 GB. Every fault is an
 * {@link NpyFormatException} naming the file; nothing is allocated from a header's shape before the
 * file is known to hold that many bytes.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    /** NumPy itself refuses headers over 10000 bytes unless told otherwise; this reader takes 100 times that. */
    static final int LONGEST_HEADER = 1 << 20;
    /** The most bytes mapped, or viewed in the array's buffer, at a time (a mapping is indexed by an int). */
    static final long WINDOW = 1 << 30;

    private NpyReader() {
    }

    /**
     * The array in {@code file}.
     *
     * @throws NpyFormatException if the file does not exist, is not a {@code .npy} file, is damaged or
     *                            holds a type this reader does not read
     * @throws IOException        if it cannot be read
     */
    public static INDArray read(Path file) throws IOException {
        return read(file, WINDOW);
    }

    /** {@link #read(Path)}, mapping at most {@code window} bytes of the file at a time. */
    static INDArray read(Path file, long window) throws IOException {
        Origin origin = new Origin(file, null);
        if (!Files.isRegularFile(file)) {
            throw origin.fault("no such file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(origin, new Source() {
                @Override
                public long size() throws IOException {
                    return channel.size();
                }

                @Override
                public ByteBuffer bytes(long offset, int length) throws IOException {
                    return channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
                }
            }, window);
        }
    }

    /** The most bytes of values {@link #map} maps: one Java mapping, which is indexed by an int. */
    public static final long LARGEST_MAPPED = Integer.MAX_VALUE;

    /**
     * The array in {@code file} without copying it: its buffer is the file, memory-mapped, so the
     * operating system pages the values in as they are read and out again under memory pressure;
     * neither the Java heap nor ND4J's off-heap memory holds them. For data several times the memory
     * (a training set whose batches {@code fit} gathers a row at a time).
     *
     * <p>Only what can be viewed as it is: float32, little-endian, C order, the values starting at a
     * multiple of 64 bytes (as NumPy writes them), at most {@value #LARGEST_MAPPED} bytes of values
     * (one Java mapping). Anything else is refused, pointing to {@link #read}; a larger file of
     * samples is {@link MappedNpy#open}'s, mapped in pieces for a {@link Dataset}. The mapping is private
     * (copy on write) when the file is writable, so writing to the array never changes the file;
     * when the file is read-only the mapping is too, and the array must not be written to. The mapping
     * lives as long as the array's buffer.
     *
     * @throws NpyFormatException as {@link #read}, or if the file is not of the kind mapped
     * @throws IOException        if it cannot be read
     */
    public static INDArray map(Path file) throws IOException {
        Origin origin = new Origin(file, null);
        NpyHeader header = mappableHeader(file);
        long needed = header.count() * 4;
        if (needed > LARGEST_MAPPED) {
            throw origin.fault(needed + " bytes of values are more than the " + LARGEST_MAPPED
                    + " one mapping holds" + READ_INSTEAD + ", or MappedNpy.open(file) maps it in pieces for a Dataset");
        }
        boolean writable = Files.isWritable(file);
        try (FileChannel channel = open(file, writable)) {
            requireLength(origin, header, channel.size());
            if (needed == 0) {
                return Nd4j.create(DataType.FLOAT, header.shape());
            }
            MappedByteBuffer bytes = channel.map(mode(writable), header.dataOffset(), needed);
            return array(bytes, header.shape());
        }
    }

    private static final String READ_INSTEAD = "; NpyReader.read(file) reads it into memory";

    /**
     * The header of {@code file} if its values can be used as they are on disk: little-endian
     * float32, C order, starting at a multiple of 64 bytes; what {@link #map} and {@link MappedNpy} take.
     */
    static NpyHeader mappableHeader(Path file) throws IOException {
        Origin origin = new Origin(file, null);
        NpyHeader header = header(file);
        if (header.type() != NpyType.FLOAT32 || header.byteOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw origin.fault("only little-endian float32 ('<f4') is mapped, not " + header.type().code()
                    + " in " + header.byteOrder() + READ_INSTEAD);
        }
        if (header.fortranOrder() && header.shape().length > 1) {
            throw origin.fault("only C order is mapped, not Fortran order" + READ_INSTEAD);
        }
        if (header.dataOffset() % 64 != 0) {
            throw origin.fault("the values start at byte " + header.dataOffset()
                    + ", not at a multiple of 64 as NumPy writes them" + READ_INSTEAD);
        }
        return header;
    }

    /** Refuses a file of {@code size} bytes that does not hold exactly the header's values. */
    static void requireLength(Origin origin, NpyHeader header, long size) throws NpyFormatException {
        long needed = header.count() * 4;
        long held = size - header.dataOffset();
        if (held != needed) {
            throw origin.fault("the shape " + header.shapeText() + " needs " + needed
                    + " bytes of data but the file holds " + held);
        }
    }

    /**
     * The file opened for mapping: read-write when it may be written, so the mapping can be private
     * (copy on write: writing to the array never changes the file); else read-only.
     */
    static FileChannel open(Path file, boolean writable) throws IOException {
        return writable ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ);
    }

    static FileChannel.MapMode mode(boolean writable) {
        return writable ? FileChannel.MapMode.PRIVATE : FileChannel.MapMode.READ_ONLY;
    }

    /** A float32 C-order array of {@code shape} whose buffer is {@code bytes}, a mapping that lives as long as the buffer. */
    static INDArray array(MappedByteBuffer bytes, long[] shape) {
        MappedFloats values = new MappedFloats(bytes);
        long count = bytes.capacity() / 4;
        DataBuffer buffer = Nd4j.createBuffer(values, DataType.FLOAT, count, FloatIndexer.create(values));
        return Nd4j.create(buffer, shape, strides(shape, 'c'), 0, 'c', DataType.FLOAT);
    }

    /** The floats of a mapped file, keeping the mapping (unmapped when collected) while the buffer holds them. */
    private static final class MappedFloats extends FloatPointer {
        @SuppressWarnings({"unused", "FieldCanBeLocal"})
        private final MappedByteBuffer mapping;

        MappedFloats(MappedByteBuffer mapping) {
            super(mapping.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer());
            this.mapping = mapping;
        }
    }

    /** What {@code file}'s header says, without reading its values. */
    public static NpyHeader header(Path file) throws IOException {
        Origin origin = new Origin(file, null);
        if (!Files.isRegularFile(file)) {
            throw origin.fault("no such file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return header(origin, channel.size(), (offset, length) -> {
                ByteBuffer bytes = ByteBuffer.allocate(length);
                while (bytes.hasRemaining() && channel.read(bytes, offset + bytes.position()) >= 0) {
                    // read until full; the size was checked, so the end does not come first
                }
                return bytes.flip();
            });
        }
    }

    /** Where the bytes being read are: a file, or an entry of an archive. */
    record Origin(Path file, String entry) {
        NpyFormatException fault(String fault) {
            return new NpyFormatException(file, entry == null ? fault : "entry " + entry + ": " + fault);
        }
    }

    /** The bytes of a {@code .npy}: a mapped file, or an archive's entry in memory. */
    interface Source {
        long size() throws IOException;

        /** {@code length} bytes from {@code offset}, which the caller has checked are there. */
        ByteBuffer bytes(long offset, int length) throws IOException;
    }

    /** Reads a {@code .npy} held in {@code bytes} (an archive's entry). */
    static INDArray read(Origin origin, ByteBuffer bytes) throws IOException {
        return read(origin, new Source() {
            @Override
            public long size() {
                return bytes.limit();
            }

            @Override
            public ByteBuffer bytes(long offset, int length) {
                return bytes.slice((int) offset, length);
            }
        }, WINDOW);
    }

    static INDArray read(Origin origin, Source source, long window) throws IOException {
        long size = source.size();
        NpyHeader header = header(origin, size, source::bytes);
        NpyType type = header.type();
        long count = header.count();
        long needed = count * type.itemSize();
        long held = size - header.dataOffset();
        String values = count + " " + (count == 1 ? "value" : "values") + " of " + type.code();
        if (held < needed) {
            throw origin.fault("truncated: the shape " + header.shapeText() + " needs " + needed + " bytes of data ("
                    + values + ") but the file holds " + held);
        }
        if (held > needed) {
            throw origin.fault("the file holds " + (held - needed) + " bytes more than its shape "
                    + header.shapeText() + " needs (" + values + ")");
        }
        return toArray(origin, header, source, window);
    }

    @FunctionalInterface
    private interface Bytes {
        ByteBuffer at(long offset, int length) throws IOException;
    }

    private static NpyHeader header(Origin origin, long size, Bytes bytes) throws IOException {
        if (size < MAGIC.length + 4) {
            throw origin.fault("not a .npy file: it holds " + size + " bytes, fewer than a .npy header");
        }
        ByteBuffer start = bytes.at(0, MAGIC.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length; i++) {
            if (start.get(i) != MAGIC[i]) {
                throw origin.fault("not a .npy file: it does not start with \\x93NUMPY");
            }
        }
        int major = start.get(6) & 0xFF;
        int minor = start.get(7) & 0xFF;
        if (minor != 0 || major < 1 || major > 3) {
            throw origin.fault("header version " + major + "." + minor + " is not read (1.0, 2.0 and 3.0 are)");
        }
        int preamble = major == 1 ? 10 : 12;
        if (size < preamble) {
            throw origin.fault("the file ends inside its header");
        }
        long length = major == 1 ? start.getShort(8) & 0xFFFF : bytes.at(8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xFFFFFFFFL;
        if (preamble + length > size) {
            throw origin.fault("the header length " + length + " runs past the end of the file ("
                    + size + " bytes)");
        }
        if (length > LONGEST_HEADER) {
            throw origin.fault("the header length " + length + " is more than the " + LONGEST_HEADER + " bytes read");
        }
        ByteBuffer raw = bytes.at(preamble, (int) length);
        byte[] text = new byte[raw.remaining()];
        raw.get(text);
        // Versions 1.0 and 2.0 write the header in Latin-1, 3.0 in UTF-8.
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(origin, dict, preamble + length);
    }

    private static NpyHeader parse(Origin origin, String text, long dataOffset) throws NpyFormatException {
        Map<String, Object> dict;
        try {
            dict = PythonLiteral.parseDict(text);
        } catch (PythonLiteral.SyntaxError e) {
            throw origin.fault("the header is not a Python dict: " + e.getMessage());
        }
        for (String key : KEYS) {
            if (!dict.containsKey(key)) {
                throw origin.fault("the header has no '" + key + "': " + text.strip());
            }
        }
        for (String key : dict.keySet()) {
            if (!KEYS.contains(key)) {
                throw origin.fault("the header has a key '" + key + "' besides descr, fortran_order and shape");
            }
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String code)) {
            throw origin.fault("structured dtype " + text.strip().replaceAll(".*'descr': (\\[.*\\]).*", "$1")
                    + " is not read: only arrays of one number type or bool are");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortranOrder)) {
            throw origin.fault("the header's fortran_order is " + dict.get("fortran_order") + ", not True or False");
        }
        return new NpyHeader(type(origin, code), NpyType.byteOrder(code.isEmpty() ? '?' : code.charAt(0)),
                fortranOrder, shape(origin, dict.get("shape")), dataOffset);
    }

    private static NpyType type(Origin origin, String descr) throws NpyFormatException {
        String code = descr.length() > 1 ? descr.substring(1) : descr;
        NpyType type = NpyType.byteOrder(descr.isEmpty() ? '?' : descr.charAt(0)) == null ? null : NpyType.ofCode(code);
        if (type != null && type.itemSize() > 1 && descr.charAt(0) == '|') {
            throw origin.fault("dtype '" + descr + "' gives no byte order");
        }
        if (type != null) {
            return type;
        }
        String kind = code.isEmpty() ? "" : code.substring(0, 1);
        String what = switch (kind) {
            case "O" -> "object arrays (Python objects, pickled)";
            case "c" -> "complex numbers";
            case "U", "S", "a" -> "strings";
            case "V" -> "raw bytes (void)";
            case "M", "m" -> "dates and times";
            case "f" -> "floats of " + code.substring(1) + " bytes";
            default -> "dtype '" + descr + "'";
        };
        throw origin.fault(what + " ('" + descr + "') are not read; only float32, float64, (u)int8 to (u)int64 and bool are");
    }

    private static long[] shape(Origin origin, Object shape) throws NpyFormatException {
        if (!(shape instanceof List<?> dims)) {
            throw origin.fault("the header's shape is " + shape + ", not a tuple of dimensions");
        }
        long[] dimensions = new long[dims.size()];
        long count = 1;
        for (int i = 0; i < dimensions.length; i++) {
            if (!(dims.get(i) instanceof Long d) || d < 0) {
                throw origin.fault("dimension " + i + " of the header's shape is " + dims.get(i) + ", not a count");
            }
            dimensions[i] = d;
            // Bounded so that the count times 8 bytes, the widest value, is still a long.
            count = d == 0 || count <= Long.MAX_VALUE / 8 / d ? count * d : -1;
            if (count < 0) {
                throw origin.fault("the header's shape " + dims + " holds more values than can be counted");
            }
        }
        return dimensions;
    }

    /**
     * The values (in the file's order and byte order) as an array in C order, copied {@code window}
     * bytes at a time at most: a mapping, and an NIO view of the ND4J buffer, is indexed by an int.
     */
    private static INDArray toArray(Origin origin, NpyHeader header, Source source, long window) throws IOException {
        long[] shape = header.shape();
        NpyType type = header.type();
        DataType dataType = type.dataType();
        long n = header.count();
        if (n == 0) {
            return Nd4j.create(dataType, shape);
        }
        DataBuffer buffer = Nd4j.createBuffer(dataType, n, false);
        BytePointer memory = new BytePointer(buffer.addressPointer());
        long perWindow = Math.max(1, window / Math.max(type.itemSize(), type.arrayItemSize()));
        for (long first = 0; first < n; first += perWindow) {
            int count = (int) Math.min(perWindow, n - first);
            ByteBuffer data = source.bytes(header.dataOffset() + first * type.itemSize(), count * type.itemSize())
                    .order(header.byteOrder());
            long at = first * type.arrayItemSize();
            int length = count * type.arrayItemSize();
            ByteBuffer target = memory.getPointer(at).capacity(length).limit(length).asByteBuffer()
                    .order(ByteOrder.nativeOrder());
            copy(origin, type, data, target, count, first);
        }
        char order = header.fortranOrder() ? 'f' : 'c';
        INDArray array = Nd4j.create(buffer, shape, strides(shape, order), 0, order, dataType);
        return order == 'f' && shape.length > 1 ? array.dup('c') : array;
    }

    /** {@code count} values from {@code data} into {@code target} as {@code type}'s ND4J type; {@code first} is the first's index. */
    private static void copy(Origin origin, NpyType type, ByteBuffer data, ByteBuffer target, int count, long first)
            throws NpyFormatException {
        switch (type) {
            case FLOAT32 -> target.asFloatBuffer().put(data.asFloatBuffer());
            case FLOAT64 -> target.asDoubleBuffer().put(data.asDoubleBuffer());
            case INT32 -> target.asIntBuffer().put(data.asIntBuffer());
            case INT64 -> target.asLongBuffer().put(data.asLongBuffer());
            case INT8, UINT8 -> {
                IntBuffer out = target.asIntBuffer();
                int mask = type == NpyType.UINT8 ? 0xFF : -1;
                for (int i = 0; i < count; i++) {
                    out.put(i, data.get(i) & mask);
                }
            }
            case INT16, UINT16 -> {
                IntBuffer out = target.asIntBuffer();
                ShortBuffer in = data.asShortBuffer();
                int mask = type == NpyType.UINT16 ? 0xFFFF : -1;
                for (int i = 0; i < count; i++) {
                    out.put(i, in.get(i) & mask);
                }
            }
            case UINT32 -> {
                LongBuffer out = target.asLongBuffer();
                IntBuffer in = data.asIntBuffer();
                for (int i = 0; i < count; i++) {
                    out.put(i, in.get(i) & 0xFFFFFFFFL);
                }
            }
            case UINT64 -> {
                LongBuffer out = target.asLongBuffer();
                LongBuffer in = data.asLongBuffer();
                for (int i = 0; i < count; i++) {
                    long value = in.get(i);
                    if (value < 0) {
                        throw origin.fault("value " + (first + i) + " (in the file's order) is " + Long.toUnsignedString(value)
                                + ", more than the largest 64-bit signed integer, which uint64 is read as");
                    }
                    out.put(i, value);
                }
            }
            case BOOL -> {
                for (int i = 0; i < count; i++) {
                    target.put(i, data.get(i) == 0 ? (byte) 0 : (byte) 1);
                }
            }
        }
    }

    /** The strides, in values, of {@code shape} laid out in {@code order}. */
    static long[] strides(long[] shape, char order) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int k = 0; k < shape.length; k++) {
            int i = order == 'c' ? shape.length - 1 - k : k;
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }
}
