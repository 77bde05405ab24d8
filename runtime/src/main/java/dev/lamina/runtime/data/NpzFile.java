package dev.lamina.runtime.data;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An {@code .npz} archive, what {@code np.savez} and {@code np.savez_compressed} write: a zip of
 * {@code .npy} files, one per named array. Each entry is read as {@link NpyReader} reads a file, but
 * from memory: a zip entry, compressed or not, cannot be mapped, so its bytes are read onto the heap
 * once and then into the array; an entry of 2 GB or more is refused (save such arrays with
 * {@code np.save}).
 */
public final class NpzFile implements Closeable {
    private static final String NPY = ".npy";
    /** An entry is read into one byte array. */
    static final long LARGEST_ENTRY = Integer.MAX_VALUE - 8;
    private final Path file;
    private final ZipFile zip;
    private final List<String> names;

    private NpzFile(Path file, ZipFile zip, List<String> names) {
        this.file = file;
        this.zip = zip;
        this.names = names;
    }

    /**
     * Opens {@code file}; close it when done.
     *
     * @throws NpyFormatException if the file does not exist or is not a zip archive
     */
    public static NpzFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NpyFormatException(file, "no such file");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new NpyFormatException(file, "not an .npz file: it is not a zip archive (" + e.getMessage() + ")", e);
        }
        List<String> names = new ArrayList<>();
        zip.stream().filter(entry -> !entry.isDirectory()).forEach(entry -> names.add(nameOf(entry.getName())));
        return new NpzFile(file, zip, Collections.unmodifiableList(names));
    }

    private static String nameOf(String entry) {
        return entry.endsWith(NPY) ? entry.substring(0, entry.length() - NPY.length()) : entry;
    }

    /** The archive's file. */
    public Path file() {
        return file;
    }

    /** The arrays' names, as given to {@code np.savez} (without ".npy"), in the archive's order. */
    public List<String> names() {
        return names;
    }

    /**
     * The array named {@code name}, as given to {@code np.savez} ("x") or as the entry is named ("x.npy").
     *
     * @throws NpyFormatException if there is no such array, naming those there are, or it is not one
     *                            {@link NpyReader} reads
     */
    public INDArray array(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name.endsWith(NPY) ? name : name + NPY);
        if (entry == null) {
            entry = zip.getEntry(name);
        }
        if (entry == null || entry.isDirectory()) {
            throw new NpyFormatException(file, "no array '" + name + "' in the archive; it holds "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        NpyReader.Origin origin = new NpyReader.Origin(file, entry.getName());
        if (entry.getSize() > LARGEST_ENTRY) {
            throw origin.fault("an entry of " + entry.getSize() + " bytes is more than the " + LARGEST_ENTRY
                    + " read from an archive (a Java array's limit); save it with np.save to read it");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes((int) entry.getSize());
            if (bytes.length < entry.getSize() || in.read() != -1) {
                throw origin.fault("the archive's directory says " + entry.getSize() + " bytes but the entry holds "
                        + (bytes.length < entry.getSize() ? bytes.length : "more"));
            }
        } catch (ZipException | EOFException e) {
            throw origin.fault("the entry ends early or its compression is damaged (" + e.getMessage() + ")");
        }
        return NpyReader.read(origin, ByteBuffer.wrap(bytes));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    @Override
    public String toString() {
        return file + " " + names;
    }
}
