package dev.lamina.runtime.keras;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not a Keras model Lamina can read: not a zip or an HDF5 file, a truncated one, an
 * HDF5 file without Keras' groups, a layer kind Lamina does not have. The message names the file and
 * what is wrong with it; the cause, if any, is the reader's own exception.
 */
public class KerasFormatException extends IOException {
    private final Path file;

    public KerasFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public KerasFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
