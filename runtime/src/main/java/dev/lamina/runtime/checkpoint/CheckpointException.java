package dev.lamina.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint file that cannot be loaded; the message names the file and the fault. */
public class CheckpointException extends IOException {
    private final Path file;

    public CheckpointException(Path file, String fault) {
        super(file + ": " + fault);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
