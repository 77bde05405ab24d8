package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A NumPy file ({@code .npy}, or an {@code .npz} archive of them) that is not what it should be, or
 * holds what this reader does not read; the message names the file (and the archive's entry) and the
 * fault.
 */
public class NpyFormatException extends IOException {
    private final Path file;

    public NpyFormatException(Path file, String fault) {
        super(file + ": " + fault);
        this.file = file;
    }

    public NpyFormatException(Path file, String fault, Throwable cause) {
        super(file + ": " + fault, cause);
        this.file = file;
    }

    /** The file at fault (the archive, for an entry of an {@code .npz}). */
    public Path file() {
        return file;
    }
}
