package dev.lamina.runtime.data;

import dev.lamina.dsl.ClosestName;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file into a {@link Table} as {@link CsvOptions} say: UTF-8 text, raw or gzipped (the
 * gzip magic number tells which, whatever the file's name), with or without a byte order mark (Excel
 * writes one), any line ends. Commons CSV splits the cells, so quoted cells may hold delimiters,
 * quotes (written twice) and line breaks. Blank lines are skipped, as pandas does.
 *
 * <p>Every fault of the file is a {@link TableFormatException} naming the file, the line and the
 * column: a cell that is not a number, a missing value, a row with too few or too many cells, a
 * column the options name that the file lacks, a quote never closed. Columns that are neither
 * labels nor features are not looked at.
 */
public final class TableReader {
    /** A decimal number as CSV files write them; Java's own syntax ("1f", "0x1p3", "Infinity") is refused. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final int GZIP_MAGIC = 0x1f8b;
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int LONGEST_QUOTE = 40;
    private static final int COLUMNS_LISTED = 20;

    private TableReader() {
    }

    /**
     * The table in {@code file}.
     *
     * @throws TableFormatException if the file does not exist or is not a table as the options describe
     * @throws IOException if it cannot be read
     */
    public static Table read(Path file, CsvOptions options) throws IOException {
        try (Rows rows = new Rows(file, options)) {
            return read(rows, options);
        }
    }

    /**
     * The cells of the first line after the options' skipped lines, split as the options say, the
     * header ignored: for files whose first line is a preamble, as scikit-learn's
     * "569,30,malignant,benign".
     *
     * @throws TableFormatException if the file does not exist, is empty or is not CSV
     */
    public static List<String> firstRecord(Path file, CsvOptions options) throws IOException {
        try (Rows rows = new Rows(file, options)) {
            List<String> cells = rows.next();
            if (cells == null) {
                throw new TableFormatException(file, "the file is empty");
            }
            return cells;
        }
    }

    private static Table read(Rows rows, CsvOptions options) throws IOException {
        Path file = rows.file;
        List<String> first = rows.next();
        if (first == null) {
            throw new TableFormatException(file, options.hasHeader() ? "the file is empty: no header, no rows"
                    : "the file is empty: no rows");
        }
        Columns columns = options.hasHeader() ? Columns.header(file, rows.line, first, !options.columnNames().isEmpty())
                : Columns.unnamed(file, rows.line, first.size(), options.columnNames());
        List<String> pending = options.hasHeader() ? null : first;

        int[] labelColumns = columns.resolve(options.labelNames(), options.labelIndices(), "label");
        int[] featureColumns = columns.resolve(options.featureNames(), options.featureIndices(), "feature");
        if (options.featureNames().isEmpty() && options.featureIndices().length == 0) {
            featureColumns = columns.allBut(labelColumns);
        }
        for (int label : labelColumns) {
            for (int feature : featureColumns) {
                if (label == feature) {
                    throw new IllegalArgumentException(columns.describe(label) + " of " + file
                            + " is chosen both as a label and as a feature");
                }
            }
        }

        int width = featureColumns.length;
        float[] values = new float[Math.max(16, width)]; // one row; doubled as rows come
        List<String[]> labelCells = new ArrayList<>();
        long[] lines = new long[64];
        int count = 0;
        for (List<String> cells = pending != null ? pending : rows.next(); cells != null; cells = rows.next()) {
            long line = rows.line;
            if (cells.size() != columns.size()) {
                throw new TableFormatException(file, line, "the row has " + cells.size() + " cells where "
                        + (options.hasHeader() ? "the header has " : "the first row has ") + columns.size()
                        + " columns");
            }
            if (count == lines.length) {
                lines = Arrays.copyOf(lines, count * 2);
            }
            if ((long) (count + 1) * width > values.length) {
                long grown = Math.max((long) values.length * 2, (long) (count + 1) * width);
                if (grown > Integer.MAX_VALUE - 8) {
                    throw new TableFormatException(file, line, "the table holds more values than a Java array does");
                }
                values = Arrays.copyOf(values, (int) grown);
            }
            lines[count] = line;
            for (int j = 0; j < width; j++) {
                int column = featureColumns[j];
                String cell = cells.get(column).strip();
                if (options.isMissing(cell)) {
                    throw missing(file, line, columns.describe(column), cell);
                }
                String fault = numberFault(cell);
                if (fault != null) {
                    throw new TableFormatException(file, line, columns.describe(column), fault);
                }
                values[count * width + j] = Float.parseFloat(cell);
            }
            String[] labels = new String[labelColumns.length];
            for (int j = 0; j < labels.length; j++) {
                String cell = cells.get(labelColumns[j]).strip();
                if (options.isMissing(cell)) {
                    throw missing(file, line, columns.describe(labelColumns[j]), cell);
                }
                labels[j] = cell;
            }
            labelCells.add(labels);
            count++;
        }
        if (count == 0) {
            throw new TableFormatException(file, "the file has a header but no rows");
        }

        String[][] byColumn = new String[labelColumns.length][count];
        for (int row = 0; row < count; row++) {
            for (int j = 0; j < labelColumns.length; j++) {
                byColumn[j][row] = labelCells.get(row)[j];
            }
        }
        long[] rowLines = Arrays.copyOf(lines, count);
        List<String> labelNames = new ArrayList<>();
        List<String> labelDescriptions = new ArrayList<>();
        for (int column : labelColumns) {
            labelNames.add(columns.names.get(column));
            labelDescriptions.add(columns.describe(column));
        }
        List<String> featureNames = new ArrayList<>();
        for (int column : featureColumns) {
            featureNames.add(columns.names.get(column));
        }
        return new Table(file, rowLines, featureNames, Arrays.copyOf(values, count * width),
                new Table.Labels(file, rowLines, List.copyOf(labelNames), List.copyOf(labelDescriptions), byColumn));
    }

    private static TableFormatException missing(Path file, long line, String column, String cell) {
        return new TableFormatException(file, line, column, "missing value"
                + (cell.isEmpty() ? " (empty cell)" : " (" + quote(cell) + ")")
                + "; Lamina does not fill in values: fill or drop the row before reading");
    }

    /** Why {@code cell} is not a float, or null if it is one. */
    static String numberFault(String cell) {
        if (!NUMBER.matcher(cell).matches()) {
            return quote(cell) + " is not a number";
        }
        float value = Float.parseFloat(cell);
        if (Float.isInfinite(value)) {
            return quote(cell) + " is too large for a float";
        }
        return null;
    }

    /** {@code cell} in quotes for a message, shortened if long. */
    static String quote(String cell) {
        String text = cell.length() > LONGEST_QUOTE ? cell.substring(0, LONGEST_QUOTE) + "..." : cell;
        return "\"" + text + "\"";
    }

    /** The columns of a file: their names and how messages name them. */
    private static final class Columns {
        final Path file;
        final long line;
        final List<String> names;
        final boolean named;

        private Columns(Path file, long line, List<String> names, boolean named) {
            this.file = file;
            this.line = line;
            this.names = names;
            this.named = named;
        }

        static Columns header(Path file, long line, List<String> cells, boolean namesGiven) throws TableFormatException {
            if (namesGiven) {
                throw new IllegalArgumentException("CsvOptions.columnNames is for files without a header, but "
                        + file + " is read with one; add noHeader() or drop the column names");
            }
            List<String> names = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String name = cells.get(i).strip();
                Integer before = seen.putIfAbsent(name, i);
                if (before != null && !name.isEmpty()) {
                    throw new TableFormatException(file, line, "the header names columns " + (before + 1) + " and "
                            + (i + 1) + " both \"" + name + "\"");
                }
                names.add(name);
            }
            return new Columns(file, line, List.copyOf(names), true);
        }

        static Columns unnamed(Path file, long line, int size, List<String> given) throws TableFormatException {
            if (!given.isEmpty()) {
                if (given.size() != size) {
                    throw new TableFormatException(file, line, "the options name " + given.size() + " columns "
                            + given + " but the row has " + size);
                }
                return new Columns(file, line, given, true);
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                names.add("column " + i);
            }
            return new Columns(file, line, List.copyOf(names), false);
        }

        int size() {
            return names.size();
        }

        /** {@code column 5 "species"}, or {@code column 5} when the file names no columns. */
        String describe(int column) {
            String name = names.get(column);
            return "column " + (column + 1) + (named && !name.isEmpty() ? " \"" + name + "\"" : "");
        }

        int[] resolve(List<String> wanted, int[] indices, String role) throws TableFormatException {
            if (!wanted.isEmpty()) {
                if (!named) {
                    throw new IllegalArgumentException(role + " columns " + wanted + " are chosen by name but " + file
                            + " is read without a header: give CsvOptions.columnNames, or choose by index");
                }
                int[] resolved = new int[wanted.size()];
                for (int i = 0; i < resolved.length; i++) {
                    resolved[i] = names.indexOf(wanted.get(i));
                    if (resolved[i] < 0) {
                        throw new TableFormatException(file, line, "no " + role + " column \"" + wanted.get(i)
                                + "\"" + suggestion(wanted.get(i)) + "; the columns are " + listed());
                    }
                }
                return resolved;
            }
            for (int index : indices) {
                if (index >= names.size()) {
                    throw new TableFormatException(file, line, "no " + role + " column " + (index + 1) + " (index "
                            + index + "): the file has " + names.size() + " columns");
                }
            }
            return indices;
        }

        int[] allBut(int[] excluded) {
            List<Integer> kept = new ArrayList<>();
            outer:
            for (int i = 0; i < names.size(); i++) {
                for (int label : excluded) {
                    if (label == i) {
                        continue outer;
                    }
                }
                kept.add(i);
            }
            return kept.stream().mapToInt(Integer::intValue).toArray();
        }

        private String listed() {
            List<String> quoted = new ArrayList<>();
            for (int i = 0; i < Math.min(names.size(), COLUMNS_LISTED); i++) {
                quoted.add("\"" + names.get(i) + "\"");
            }
            String list = String.join(", ", quoted);
            return names.size() > COLUMNS_LISTED ? list + ", ... (" + names.size() + " in all)" : list;
        }

        /** " (did you mean ...?)" for the column name nearest to {@code wanted}, if one is near enough. */
        private String suggestion(String wanted) {
            return ClosestName.among(wanted, names).map(name -> " (did you mean \"" + name + "\"?)").orElse("");
        }
    }

    /** The records of a file, each with the line it starts on; blank lines skipped. */
    private static final class Rows implements AutoCloseable {
        final Path file;
        /** The line the last row returned starts on, 1-based. */
        long line;
        private final BufferedReader text;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final long skipped;
        private final boolean whitespace;

        Rows(Path file, CsvOptions options) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new TableFormatException(file, "no such file");
            }
            this.file = file;
            this.whitespace = options.whitespaceSeparated();
            this.text = open(file);
            try {
                skipByteOrderMark(text);
                for (int i = 0; i < options.linesToSkip(); i++) {
                    if (text.readLine() == null) {
                        throw new TableFormatException(file, "the file has " + i + " lines, but the options skip "
                                + options.linesToSkip() + " before the table");
                    }
                }
                this.skipped = options.linesToSkip();
                CSVFormat format = CSVFormat.DEFAULT.builder()
                        .setDelimiter(options.delimiter())
                        .setQuote('"')
                        .setIgnoreEmptyLines(false)
                        .setIgnoreSurroundingSpaces(true)
                        .get();
                this.parser = CSVParser.builder().setReader(text).setFormat(format).get();
                this.records = parser.iterator();
            } catch (IOException | RuntimeException e) {
                text.close();
                throw translate(e, options.linesToSkip() + 1);
            }
        }

        /** The next non-blank row's cells, or null at the end of the file. */
        List<String> next() throws IOException {
            while (true) {
                long start = skipped + parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw translate(e.getCause(), start);
                } catch (RuntimeException e) {
                    throw translate(e, start);
                }
                List<String> cells = new ArrayList<>(record.size());
                for (String value : record.values()) {
                    if (!whitespace || !value.isEmpty()) {
                        cells.add(value);
                    }
                }
                boolean blank = cells.isEmpty() || cells.size() == 1 && cells.get(0).isBlank();
                if (!blank) {
                    line = start;
                    return cells;
                }
            }
        }

        /** A library's exception as a message about the file; real read errors pass through. */
        private IOException translate(Exception e, long start) {
            if (e instanceof CSVException) {
                String message = e.getMessage();
                String fault;
                if (message.contains("EOF reached before encapsulated token finished")) {
                    fault = "a quoted cell starting on this line is never closed: the file ends inside its quotes";
                } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
                    fault = "text after the closing quote of a quoted cell; a quote inside a quoted cell is written twice (\"\")";
                } else {
                    fault = "not valid CSV: " + message;
                }
                return new TableFormatException(file, start, fault, e);
            }
            if (e instanceof CharacterCodingException) {
                return new TableFormatException(file, start, "not UTF-8 text (" + e + ")", e);
            }
            if (e instanceof ZipException || e instanceof EOFException) {
                return new TableFormatException(file, 0, "the file ends early or its compression is damaged ("
                        + e.getMessage() + ")", e);
            }
            if (e instanceof IOException io) {
                return io;
            }
            if (e instanceof UncheckedIOException unchecked) {
                return translate(unchecked.getCause(), start);
            }
            throw (RuntimeException) e;
        }

        private static BufferedReader open(Path file) throws IOException {
            InputStream raw = Files.newInputStream(file);
            try {
                BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
                in.mark(2);
                int magic = (in.read() << 8) | in.read();
                in.reset();
                InputStream bytes = magic == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
                // A decoder that reports bad bytes, where InputStreamReader's default would replace them.
                return new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            } catch (ZipException | EOFException e) {
                raw.close();
                throw new TableFormatException(file, 0, "the file ends early or its compression is damaged ("
                        + e.getMessage() + ")", e);
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }

        private static void skipByteOrderMark(BufferedReader text) throws IOException {
            text.mark(1);
            if (text.read() != BYTE_ORDER_MARK) {
                text.reset();
            }
        }

        @Override
        public void close() throws IOException {
            text.close();
        }
    }
}
