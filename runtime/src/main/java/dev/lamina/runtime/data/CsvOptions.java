package dev.lamina.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * How {@link TableReader} reads a CSV file: its delimiter, whether it has a header, which columns
 * are labels and which are features, what counts as a missing value. Immutable: every method
 * returns a changed copy, so {@code CsvOptions.defaults().delimiter(';').label("species")} reads.
 *
 * <p>By default: comma-delimited, a header line, nothing skipped, no label column, every column a
 * feature, and empty cells and the cells NA, N/A, NaN, null and ? (in any case) missing.
 * A missing value in a column that is read is an error: Lamina does no imputation, because a
 * silent guess at a value is worse than a clear message saying where the hole is.
 */
public final class CsvOptions {
    /** The cells that mean "no value" unless {@link #missing} says otherwise, besides the empty cell. */
    public static final List<String> DEFAULT_MISSING = List.of("NA", "N/A", "NaN", "null", "?");

    private static final CsvOptions DEFAULTS = new CsvOptions(',', false, true, 0, List.of(), new int[0],
            List.of(), new int[0], List.of(), lowerCase(DEFAULT_MISSING));

    private final char delimiter;
    private final boolean whitespace;
    private final boolean header;
    private final int skipLines;
    private final List<String> labelNames;
    private final int[] labelIndices;
    private final List<String> featureNames;
    private final int[] featureIndices;
    private final List<String> columnNames;
    private final Set<String> missing;

    private CsvOptions(char delimiter, boolean whitespace, boolean header, int skipLines,
                       List<String> labelNames, int[] labelIndices, List<String> featureNames, int[] featureIndices,
                       List<String> columnNames, Set<String> missing) {
        this.delimiter = delimiter;
        this.whitespace = whitespace;
        this.header = header;
        this.skipLines = skipLines;
        this.labelNames = labelNames;
        this.labelIndices = labelIndices;
        this.featureNames = featureNames;
        this.featureIndices = featureIndices;
        this.columnNames = columnNames;
        this.missing = missing;
    }

    /** Comma-delimited with a header; see the class comment for the rest. */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    /** Cells separated by {@code delimiter}: ';' for a European spreadsheet's export, '\t' for TSV. */
    public CsvOptions delimiter(char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
        return new CsvOptions(delimiter, false, header, skipLines, labelNames, labelIndices, featureNames,
                featureIndices, columnNames, missing);
    }

    /**
     * Cells separated by runs of spaces, as {@code numpy.loadtxt} reads them (scikit-learn's
     * diabetes_data_raw.csv.gz is written so). Spaces at the start or end of a line are ignored, so
     * an empty cell cannot be written: a row with a hole is short, and refused as ragged. For
     * tab-separated files use {@code delimiter('\t')}.
     */
    public CsvOptions whitespace() {
        return new CsvOptions(' ', true, header, skipLines, labelNames, labelIndices, featureNames,
                featureIndices, columnNames, missing);
    }

    /** The first line read (after {@link #skipLines}) is data, not a header: columns go by index. */
    public CsvOptions noHeader() {
        return new CsvOptions(delimiter, whitespace, false, skipLines, labelNames, labelIndices, featureNames,
                featureIndices, columnNames, missing);
    }

    /**
     * Names for the columns of a file without a header, in order, so labels and features can be
     * chosen by name and the table's feature names say something. There must be one per column.
     */
    public CsvOptions columnNames(String... names) {
        return new CsvOptions(delimiter, whitespace, header, skipLines, labelNames, labelIndices, featureNames,
                featureIndices, distinct("column names", names), missing);
    }

    /** Skips {@code lines} whole lines at the start of the file, before the header: a preamble or title. */
    public CsvOptions skipLines(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("cannot skip " + lines + " lines");
        }
        return new CsvOptions(delimiter, whitespace, header, lines, labelNames, labelIndices, featureNames,
                featureIndices, columnNames, missing);
    }

    /** The label column(s), by header name (or {@link #columnNames} name). Replaces {@link #labelColumns}. */
    public CsvOptions label(String... names) {
        return new CsvOptions(delimiter, whitespace, header, skipLines, distinct("label columns", names), new int[0],
                featureNames, featureIndices, columnNames, missing);
    }

    /** The label column(s) by index, counted from 0 (messages count from 1, as editors do). Replaces {@link #label}. */
    public CsvOptions labelColumns(int... indices) {
        return new CsvOptions(delimiter, whitespace, header, skipLines, List.of(), indices("label", indices),
                featureNames, featureIndices, columnNames, missing);
    }

    /** Only these feature columns, by name, in this order; by default every column that is not a label. */
    public CsvOptions features(String... names) {
        return new CsvOptions(delimiter, whitespace, header, skipLines, labelNames, labelIndices,
                distinct("feature columns", names), new int[0], columnNames, missing);
    }

    /** Only these feature columns, by index counted from 0, in this order. Replaces {@link #features}. */
    public CsvOptions featureColumns(int... indices) {
        return new CsvOptions(delimiter, whitespace, header, skipLines, labelNames, labelIndices, List.of(),
                indices("feature", indices), columnNames, missing);
    }

    /**
     * The cells that mean "no value", compared without regard to case or surrounding spaces; they
     * replace {@link #DEFAULT_MISSING}. An empty cell is always missing.
     */
    public CsvOptions missing(String... markers) {
        return new CsvOptions(delimiter, whitespace, header, skipLines, labelNames, labelIndices, featureNames,
                featureIndices, columnNames, lowerCase(Arrays.asList(markers)));
    }

    char delimiter() {
        return delimiter;
    }

    boolean whitespaceSeparated() {
        return whitespace;
    }

    boolean hasHeader() {
        return header;
    }

    int linesToSkip() {
        return skipLines;
    }

    List<String> labelNames() {
        return labelNames;
    }

    int[] labelIndices() {
        return labelIndices.clone();
    }

    List<String> featureNames() {
        return featureNames;
    }

    int[] featureIndices() {
        return featureIndices.clone();
    }

    List<String> columnNames() {
        return columnNames;
    }

    /** Whether {@code cell} is a missing value. */
    boolean isMissing(String cell) {
        String text = cell.strip();
        return text.isEmpty() || missing.contains(text.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "CsvOptions[delimiter=" + (whitespace ? "whitespace" : "'" + delimiter + "'") + ", header=" + header
                + ", skipLines=" + skipLines + ", label=" + (labelNames.isEmpty() ? Arrays.toString(labelIndices) : labelNames)
                + ", features=" + (featureNames.isEmpty() && featureIndices.length == 0 ? "the rest"
                : featureNames.isEmpty() ? Arrays.toString(featureIndices) : featureNames)
                + ", missing=" + missing + "]";
    }

    private static List<String> distinct(String what, String... names) {
        List<String> list = new ArrayList<>();
        for (String name : names) {
            String stripped = name.strip();
            if (list.contains(stripped)) {
                throw new IllegalArgumentException(what + " name \"" + stripped + "\" twice");
            }
            list.add(stripped);
        }
        return List.copyOf(list);
    }

    private static int[] indices(String what, int... indices) {
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0) {
                throw new IllegalArgumentException(what + " column index " + indices[i] + " is negative; indices count from 0");
            }
            for (int j = 0; j < i; j++) {
                if (indices[j] == indices[i]) {
                    throw new IllegalArgumentException(what + " column index " + indices[i] + " given twice");
                }
            }
        }
        return indices.clone();
    }

    private static Set<String> lowerCase(List<String> markers) {
        Set<String> set = new TreeSet<>();
        for (String marker : markers) {
            set.add(marker.strip().toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(set);
    }
}
