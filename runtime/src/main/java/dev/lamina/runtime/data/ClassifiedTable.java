package dev.lamina.runtime.data;

/**
 * A table whose rows each belong to one class, with the classes' names: what a classification
 * dataset read from a CSV file is.
 *
 * @param name what the dataset is called, for messages and {@link Dataset#name()}
 * @param table the features (and the raw label cells)
 * @param classes the class of each row, and the classes' names
 */
public record ClassifiedTable(String name, Table table, ClassLabels classes) {

    public ClassifiedTable {
        if (table.rows() != classes.size()) {
            throw new IllegalArgumentException(name + ": " + table.rows() + " rows but " + classes.size() + " class labels");
        }
    }

    /** The features as a (rows, features) float array with their classes, ready for training. */
    public Dataset dataset() {
        return Dataset.of(name, table.features(), classes.indices(), classes.count());
    }

    @Override
    public String toString() {
        return name + " (" + table.rows() + " rows of " + table.featureCount() + " features, "
                + classes.count() + " classes " + classes.names() + ")";
    }
}
