package dev.lamina.runtime.data;

import java.util.List;

/**
 * One class index per row and the classes' names: what {@link Table#classes()} makes of a label
 * column. The names are kept so a prediction of class 2 can be shown as "virginica".
 *
 * @param indices the class of each row, in [0, names.size())
 * @param names the name of each class, by index
 */
public record ClassLabels(int[] indices, List<String> names) {

    public ClassLabels {
        names = List.copyOf(names);
        indices = indices.clone();
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= names.size()) {
                throw new IllegalArgumentException("class index " + indices[i] + " of row " + i
                        + " is outside the " + names.size() + " classes " + names);
            }
        }
    }

    /** The class of each row. */
    @Override
    public int[] indices() {
        return indices.clone();
    }

    /** How many classes there are (some may have no row). */
    public int count() {
        return names.size();
    }

    /** How many rows there are. */
    public int size() {
        return indices.length;
    }

    /** How many rows each class has, by class index. */
    public int[] counts() {
        int[] counts = new int[names.size()];
        for (int index : indices) {
            counts[index]++;
        }
        return counts;
    }

    /** The name of row {@code row}'s class. */
    public String nameOf(int row) {
        return names.get(indices[row]);
    }

    /** The same indices with other names for the classes, as many as there are now. */
    public ClassLabels named(List<String> classNames) {
        if (classNames.size() != names.size()) {
            throw new IllegalArgumentException(classNames.size() + " names " + classNames + " for "
                    + names.size() + " classes");
        }
        return new ClassLabels(indices, classNames);
    }
}
