package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that is not what it should be, whatever its format: the message names the file and the
 * fault (and, where a format has them, the line, column or entry). Catch this to handle any of them.
 */
public abstract class DataFileException extends IOException {
    private final Path file;

    /** {@code message} names {@code file} and the fault; {@link #wholeFile} writes the usual one. */
    protected DataFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The message of a fault of the file as a whole: {@code "file: fault"}. */
    protected static String wholeFile(Path file, String fault) {
        return file + ": " + fault;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
