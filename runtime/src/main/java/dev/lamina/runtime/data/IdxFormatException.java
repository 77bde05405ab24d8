package dev.lamina.runtime.data;

import java.nio.file.Path;

/** An IDX file (MNIST's format) that is not what it should be; the message names the file and the fault. */
public class IdxFormatException extends DataFileException {

    public IdxFormatException(Path file, String fault) {
        super(file, wholeFile(file, fault), null);
    }

    public IdxFormatException(Path file, String fault, Throwable cause) {
        super(file, wholeFile(file, fault), cause);
    }
}
