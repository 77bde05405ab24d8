package dev.lamina.runtime.keras;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A readable Keras model whose layers are not the network's: a layer missing or extra, of another
 * kind, with other settings (activation, bias, window) or with weights of another shape. The message
 * names the file, the Keras layer (name and class), the network's field, both sides' values and what
 * to change. Nothing has been loaded when it is thrown.
 */
public class KerasMismatchException extends IOException {
    private final Path file;

    public KerasMismatchException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The Keras file that does not fit the network. */
    public Path file() {
        return file;
    }
}
