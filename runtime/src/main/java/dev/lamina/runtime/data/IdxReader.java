package dev.lamina.runtime.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the format MNIST and Fashion-MNIST ship in), raw or gzipped: the gzip magic
 * number tells which, whatever the file's name. Only unsigned-byte data (type 0x08) is read, which is
 * what both datasets use. Every fault is an {@link IdxFormatException} naming the file; nothing is
 * allocated from a header's counts before the bytes are there.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int GZIP_MAGIC = 0x1f8b;

    private IdxReader() {
    }

    public static IdxFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IdxFormatException(file, "no such file");
        }
        try (InputStream in = open(file)) {
            return read(file, new DataInputStream(in));
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(file, "the file ends early or its compression is damaged (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int magic = (in.read() << 8) | in.read();
        in.reset();
        return magic == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private static IdxFile read(Path file, DataInputStream in) throws IOException {
        int zero = in.readUnsignedShort();
        int type = in.readUnsignedByte();
        int rank = in.readUnsignedByte();
        if (zero != 0) {
            throw new IdxFormatException(file, String.format(
                    "not an IDX file: it starts with 0x%04x where an IDX file has 0x0000", zero));
        }
        if (type != UNSIGNED_BYTE) {
            throw new IdxFormatException(file, String.format(
                    "IDX data type 0x%02x is not supported; only unsigned bytes (0x08) are", type));
        }
        if (rank == 0) {
            throw new IdxFormatException(file, "the IDX header gives no dimensions");
        }
        int[] dims = new int[rank];
        long size = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) {
                throw new IdxFormatException(file, "dimension " + i + " of the header is negative (" + Integer.toUnsignedString(dims[i]) + " read as unsigned)");
            }
            size *= dims[i];
            if (size > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException(file, "the header's dimensions multiply to more values than a Java array holds");
            }
        }
        // readNBytes grows its buffer as bytes arrive, so a lying header allocates nothing large.
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new IdxFormatException(file, "truncated: the header promises " + size + " values but the file holds " + data.length);
        }
        if (in.read() != -1) {
            throw new IdxFormatException(file, "the file holds more data than its header's " + size + " values");
        }
        return new IdxFile(dims, data);
    }
}
