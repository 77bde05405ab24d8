package dev.lamina.runtime.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A table read by {@link TableReader}: numeric features, rows by feature columns, and the raw cells of
 * its label columns. Labels stay text until asked for as {@link #classes() classes} or as
 * {@link #targetValues() regression targets}, and those conversions name the file, line and column of
 * a bad cell as reading does. Immutable.
 */
public final class Table {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final Path source;
    private final long[] lines;
    private final List<String> featureNames;
    private final float[] values;
    private final Labels labels;

    /**
     * The label columns' cells and where they come from.
     *
     * @param columns how each column is named in messages: {@code column 5 "species"}
     * @param cells by column, then by row
     */
    record Labels(Path source, long[] lines, List<String> names, List<String> columns, String[][] cells) {
    }

    Table(Path source, long[] lines, List<String> featureNames, float[] values, Labels labels) {
        this.source = source;
        this.lines = lines;
        this.featureNames = List.copyOf(featureNames);
        this.values = values;
        this.labels = labels;
    }

    /** The file the features were read from. */
    public Path source() {
        return source;
    }

    public int rows() {
        return lines.length;
    }

    /** The line of the file (1-based) that row {@code row} was read from. */
    public long line(int row) {
        return lines[row];
    }

    /** The feature columns' names: header names, or {@code column N} in a file without a header. */
    public List<String> featureNames() {
        return featureNames;
    }

    public int featureCount() {
        return featureNames.size();
    }

    /** The features, row-major: row {@code r}'s are at {@code [r * featureCount(), (r + 1) * featureCount())}. */
    public float[] featureValues() {
        return values.clone();
    }

    /** Feature {@code column} of row {@code row}. */
    public float feature(int row, int column) {
        if (row < 0 || row >= rows() || column < 0 || column >= featureCount()) {
            throw new IndexOutOfBoundsException("feature (" + row + ", " + column + ") of a table of "
                    + rows() + " rows and " + featureCount() + " features");
        }
        return values[row * featureNames.size() + column];
    }

    /** The features as a (rows, features) array of floats. */
    public INDArray features() {
        return Nd4j.create(values.clone(), new long[] {rows(), featureCount()}, 'c');
    }

    /** The label columns' names. */
    public List<String> labelNames() {
        return labels.names();
    }

    /** The cells of the one label column, stripped of surrounding spaces. */
    public List<String> labels() {
        return List.of(labels.cells()[onlyLabelColumn()]);
    }

    /** The cells of label column {@code name}. */
    public List<String> labels(String name) {
        int column = labels.names().indexOf(name);
        if (column < 0) {
            throw new IllegalArgumentException("no label column \"" + name + "\"; the label columns are " + labels.names());
        }
        return List.of(labels.cells()[column]);
    }

    /**
     * The one label column as class indices. If every label is a whole number, the numbers are the
     * indices, as they are (labels 1, 2, 3 make four classes, of which class 0 has no row); the
     * class names are the numbers. Otherwise the distinct labels, sorted as strings (so "B" before
     * "a", "10" before "9"), are the classes: "cat", "dog" are classes 0 and 1. Give the classes with {@link #classes(List)} when the order matters.
     *
     * @throws TableFormatException if a whole-number label is negative or too large for an int
     */
    public ClassLabels classes() throws TableFormatException {
        String[] cells = labels.cells()[onlyLabelColumn()];
        boolean numbers = Arrays.stream(cells).allMatch(cell -> INTEGER.matcher(cell).matches());
        if (!numbers) {
            return classes(List.copyOf(new TreeSet<>(Arrays.asList(cells))));
        }
        int[] indices = new int[cells.length];
        int max = -1;
        for (int row = 0; row < cells.length; row++) {
            indices[row] = classIndex(row, Integer.MAX_VALUE);
            max = Math.max(max, indices[row]);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            names.add(Integer.toString(i));
        }
        return new ClassLabels(indices, names);
    }

    /**
     * The one label column as indices into {@code names}: a label is the class of its name.
     *
     * @throws TableFormatException naming the cell, if a label is none of the names
     */
    public ClassLabels classes(List<String> names) throws TableFormatException {
        int column = onlyLabelColumn();
        String[] cells = labels.cells()[column];
        Map<String, Integer> index = new HashMap<>();
        for (String name : names) {
            if (index.putIfAbsent(name, index.size()) != null) {
                throw new IllegalArgumentException("class name \"" + name + "\" given twice in " + names);
            }
        }
        int[] indices = new int[cells.length];
        for (int row = 0; row < cells.length; row++) {
            Integer found = index.get(cells[row]);
            if (found == null) {
                throw labelFault(row, column, "label " + TableReader.quote(cells[row]) + " is not one of the "
                        + names.size() + " classes " + names);
            }
            indices[row] = found;
        }
        return new ClassLabels(indices, names);
    }

    /**
     * The one label column as class indices written as whole numbers in [0, count), as they are.
     *
     * @throws TableFormatException naming the cell, if a label is not such a number
     */
    public ClassLabels classes(int count) throws TableFormatException {
        if (count <= 0) {
            throw new IllegalArgumentException("a classification needs at least one class, not " + count);
        }
        String[] cells = labels.cells()[onlyLabelColumn()];
        int[] indices = new int[cells.length];
        for (int row = 0; row < cells.length; row++) {
            indices[row] = classIndex(row, count);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(Integer.toString(i));
        }
        return new ClassLabels(indices, names);
    }

    /**
     * The label columns as numbers for regression, row-major: row {@code r}'s targets are at
     * {@code [r * labelNames().size(), (r + 1) * labelNames().size())}.
     *
     * @throws TableFormatException naming the cell, if a label is not a number
     */
    public float[] targetValues() throws TableFormatException {
        int width = labels.names().size();
        if (width == 0) {
            throw new IllegalStateException(source + " was read without a label column: name one with CsvOptions.label");
        }
        float[] targets = new float[rows() * width];
        for (int column = 0; column < width; column++) {
            String[] cells = labels.cells()[column];
            for (int row = 0; row < cells.length; row++) {
                String fault = TableReader.numberFault(cells[row]);
                if (fault != null) {
                    throw labelFault(row, column, fault);
                }
                targets[row * width + column] = Float.parseFloat(cells[row]);
            }
        }
        return targets;
    }

    /** The regression targets as a (rows, label columns) array of floats. */
    public INDArray targets() throws TableFormatException {
        return Nd4j.create(targetValues(), new long[] {rows(), labels.names().size()}, 'c');
    }

    /**
     * The features as a (rows, features) array with the label column's classes ({@link #classes()}:
     * whole numbers as they are, names in sorted order) and their names, for a classifier, named {@code name}.
     */
    public Dataset classDataset(String name) throws TableFormatException {
        ClassLabels classes = classes();
        return Dataset.of(name, features(), classes.indices(), classes.count()).withClassNames(classes.names());
    }

    /** The features as a (rows, features) array with the label columns as targets, for regression, named {@code name}. */
    public Dataset targetDataset(String name) throws TableFormatException {
        return Dataset.ofTargets(name, features(), targets());
    }

    /**
     * This table's features with the labels of {@code other} in place of its own, read from another
     * file with as many rows: for datasets that keep features and targets apart, as scikit-learn's
     * diabetes does. Faults of those labels name the other file.
     *
     * @throws TableFormatException if the row counts differ
     */
    public Table withLabelsOf(Table other) throws TableFormatException {
        if (other.rows() != rows()) {
            throw new TableFormatException(other.source, other.rows() + " rows of labels for the " + rows()
                    + " rows of features of " + source);
        }
        return new Table(source, lines, featureNames, values, other.labels);
    }

    @Override
    public String toString() {
        return source.getFileName() + " (" + rows() + " rows, " + featureCount() + " features, labels "
                + labels.names() + ")";
    }

    private int classIndex(int row, int count) throws TableFormatException {
        int column = onlyLabelColumn();
        String cell = labels.cells()[column][row];
        if (!INTEGER.matcher(cell).matches()) {
            throw labelFault(row, column, "label " + TableReader.quote(cell) + " is not a class index, a whole number"
                    + (count == Integer.MAX_VALUE ? "" : " in [0, " + count + ")"));
        }
        long value;
        try {
            value = Long.parseLong(cell);
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        if (value < 0 || value >= count) {
            throw labelFault(row, column, "label " + TableReader.quote(cell) + " is outside the class indices [0, "
                    + (count == Integer.MAX_VALUE ? "2^31" : count) + ")"
                    + (value < 0 ? "; give the class names with classes(List) to use negative labels" : ""));
        }
        return (int) value;
    }

    private TableFormatException labelFault(int row, int column, String fault) {
        return new TableFormatException(labels.source(), labels.lines()[row], labels.columns().get(column), fault);
    }

    private int onlyLabelColumn() {
        if (labels.names().size() != 1) {
            throw new IllegalStateException(source + " was read with " + labels.names().size() + " label columns "
                    + labels.names() + "; class labels come from exactly one: name it with CsvOptions.label");
        }
        return 0;
    }
}
