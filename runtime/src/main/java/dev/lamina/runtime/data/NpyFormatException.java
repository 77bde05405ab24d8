package dev.lamina.runtime.data;

import java.nio.file.Path;

/**
 * A NumPy file ({@code .npy}, or an {@code .npz} archive of them) that is not what it should be, or
 * holds what this reader does not read; the message names the file (and the archive's entry) and the
 * fault.
 */
public class NpyFormatException extends DataFileException {

    public NpyFormatException(Path file, String fault) {
        super(file, wholeFile(file, fault), null);
    }

    public NpyFormatException(Path file, String fault, Throwable cause) {
        super(file, wholeFile(file, fault), cause);
    }
}
