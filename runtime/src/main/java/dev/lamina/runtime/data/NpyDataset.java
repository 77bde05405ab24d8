package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Datasets from NumPy arrays: features (samples, ...) and either an integer class label per sample
 * or targets, each from a {@code .npy} file or an {@code .npz} archive's entry. Features and targets
 * become float32, what training uses, whatever the file's type. The two arrays must agree on the
 * number of samples; a fault names both files.
 */
public final class NpyDataset {
    private NpyDataset() {
    }

    /** An array read and where it came from: a file, or an entry of an archive. */
    private record Part(INDArray array, Path file, String entry) {
        String where() {
            return entry == null ? file.toString() : "'" + entry + "' of " + file;
        }

        NpyFormatException fault(String fault) {
            return new NpyFormatException(file, entry == null ? fault : "array '" + entry + "': " + fault);
        }
    }

    /** Features and class labels from two {@code .npy} files; the classes are 0 to the largest label. */
    public static Dataset of(String name, Path features, Path labels) throws IOException {
        return classified(name, part(features), part(labels), 0);
    }

    /**
     * Features and class labels, each in [0, classes), from two {@code .npy} files.
     *
     * @throws NpyFormatException if either file is not a {@code .npy} file, the labels are not one
     *                            integer per sample of the features, or one is outside the classes
     */
    public static Dataset of(String name, Path features, Path labels, int classes) throws IOException {
        if (classes < 1) {
            throw new IllegalArgumentException(name + ": " + classes + " classes; there must be at least one");
        }
        return classified(name, part(features), part(labels), classes);
    }

    /** Features and class labels from two arrays of an {@code .npz} archive; the classes are 0 to the largest label. */
    public static Dataset of(String name, NpzFile archive, String features, String labels) throws IOException {
        return classified(name, part(archive, features), part(archive, labels), 0);
    }

    /** Features and the numbers to predict, (samples) or (samples, width), from two {@code .npy} files. */
    public static Dataset ofTargets(String name, Path features, Path targets) throws IOException {
        return regression(name, part(features), part(targets));
    }

    /** Features and the numbers to predict from two arrays of an {@code .npz} archive. */
    public static Dataset ofTargets(String name, NpzFile archive, String features, String targets) throws IOException {
        return regression(name, part(archive, features), part(archive, targets));
    }

    private static Part part(Path file) throws IOException {
        return new Part(NpyReader.read(file), file, null);
    }

    private static Part part(NpzFile archive, String name) throws IOException {
        return new Part(archive.array(name), archive.file(), name);
    }

    private static Dataset classified(String name, Part features, Part labels, int givenClasses) throws IOException {
        requireSamples(features, labels, "labels");
        INDArray array = labels.array();
        if (array.rank() != 1) {
            throw labels.fault("labels must be one per sample, (samples), but are "
                    + Arrays.toString(array.shape()));
        }
        if (array.dataType() != DataType.INT && array.dataType() != DataType.LONG) {
            throw labels.fault("labels must be integers but are " + array.dataType());
        }
        long[] values = array.toLongVector();
        int[] classOf = new int[values.length];
        long largest = -1;
        for (int i = 0; i < values.length; i++) {
            long limit = givenClasses > 0 ? givenClasses : Integer.MAX_VALUE;
            if (values[i] < 0 || values[i] >= limit) {
                throw labels.fault("label " + values[i] + " of sample " + i + " is outside "
                        + (givenClasses > 0 ? "the " + givenClasses + " classes [0, " + (givenClasses - 1) + "]" : "[0, " + (limit - 1) + "]"));
            }
            classOf[i] = (int) values[i];
            largest = Math.max(largest, values[i]);
        }
        int classes = givenClasses > 0 ? givenClasses : (int) largest + 1;
        return Dataset.of(name, features.array().castTo(DataType.FLOAT), classOf, Math.max(classes, 1));
    }

    private static Dataset regression(String name, Part features, Part targets) throws IOException {
        requireSamples(features, targets, "targets");
        INDArray array = targets.array();
        if (array.rank() != 1 && array.rank() != 2) {
            throw targets.fault("targets must be (samples) or (samples, width) but are "
                    + Arrays.toString(array.shape()));
        }
        return Dataset.ofTargets(name, features.array().castTo(DataType.FLOAT), array.castTo(DataType.FLOAT));
    }

    private static void requireSamples(Part features, Part predicted, String what) throws NpyFormatException {
        INDArray array = features.array();
        if (array.rank() < 2) {
            throw features.fault("features must be (samples, sample shape...) but are "
                    + Arrays.toString(array.shape()));
        }
        INDArray other = predicted.array();
        long count = other.rank() == 0 ? 1 : other.size(0);
        if (count != array.size(0)) {
            throw predicted.fault(count + " " + what + " for the " + array.size(0)
                    + " samples of " + features.where());
        }
    }
}
