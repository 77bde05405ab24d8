package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that is not what it should be; the message names the file and the fault. */
public class IdxFormatException extends IOException {
    private final Path file;

    public IdxFormatException(Path file, String fault) {
        super(file + ": " + fault);
        this.file = file;
    }

    public IdxFormatException(Path file, String fault, Throwable cause) {
        super(file + ": " + fault, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
