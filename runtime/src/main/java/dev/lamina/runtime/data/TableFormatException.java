package dev.lamina.runtime.data;

import java.nio.file.Path;

/**
 * A table file that is not what it should be. The message names the file, the line (1-based, as an
 * editor counts them) and the column (1-based, with its header name) where they are known, and the
 * fault: it is written for the user who has to fix the file.
 */
public class TableFormatException extends DataFileException {
    private final long line;
    private final String column;

    /** A fault of the file as a whole, no line in particular. */
    public TableFormatException(Path file, String fault) {
        this(file, 0, fault, (Throwable) null);
    }

    /** A fault of line {@code line} (1-based) as a whole. */
    public TableFormatException(Path file, long line, String fault) {
        this(file, line, fault, (Throwable) null);
    }

    /** A fault of one cell: {@code column} is how the message names its column, {@code column 5 "species"}. */
    public TableFormatException(Path file, long line, String column, String fault) {
        super(file, file + ", line " + line + ", " + column + ": " + fault, null);
        this.line = line;
        this.column = column;
    }

    public TableFormatException(Path file, long line, String fault, Throwable cause) {
        super(file, file + (line > 0 ? ", line " + line : "") + ": " + fault, cause);
        this.line = line;
        this.column = null;
    }

    /** The column at fault, as the message names it ({@code column 5 "species"}); null when not one cell's fault. */
    public String column() {
        return column;
    }

    /** The line at fault, counted from 1; 0 when the fault is not on one line. */
    public long line() {
        return line;
    }
}
