package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A table file that is not what it should be. The message names the file, the line (1-based, as an
 * editor counts them) and the column (1-based, with its header name) where they are known, and the
 * fault: it is written for the user who has to fix the file.
 */
public class TableFormatException extends IOException {
    private final Path file;
    private final long line;

    /** A fault of the file as a whole, no line in particular. */
    public TableFormatException(Path file, String fault) {
        this(file, 0, fault, null);
    }

    /** A fault at {@code line} (1-based); the fault's text names the column if there is one. */
    public TableFormatException(Path file, long line, String fault) {
        this(file, line, fault, null);
    }

    public TableFormatException(Path file, long line, String fault, Throwable cause) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + fault, cause);
        this.file = file;
        this.line = line;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The line at fault, counted from 1; 0 when the fault is not on one line. */
    public long line() {
        return line;
    }
}
