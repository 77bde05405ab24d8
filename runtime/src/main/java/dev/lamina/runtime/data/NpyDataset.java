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
 * number of samples; a fault names both files. {@link #mapped} maps float32 features of any size
 * instead of reading them, for training sets larger than the memory.
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

    /**
     * Features of any size, mapped from a float32 {@code .npy} file ({@link MappedNpy}: read by batch,
     * never held in memory), and their class labels, each in [0, classes), read from a {@code .npy}
     * file of integers. For training sets larger than the memory; {@link #of(String, Path, Path, int)}
     * reads the features into memory, converting any type.
     *
     * @throws NpyFormatException if either file is not a {@code .npy} file, the features are not of
     *                            the kind mapped (little-endian float32, C order), the labels are not
     *                            one integer per sample, or one is outside the classes
     */
    public static Dataset mapped(String name, Path features, Path labels, int classes) throws IOException {
        if (classes < 1) {
            throw new IllegalArgumentException(name + ": " + classes + " classes; there must be at least one");
        }
        MappedNpy rows = MappedNpy.open(features);
        Part labelPart = part(labels);
        requireSamples(rows.samples(), features.toString(), labelPart, "labels");
        return Dataset.of(name, rows, classOf(labelPart, classes), classes);
    }

    /** Features of any size, mapped from a float32 {@code .npy} file as {@link #mapped}, and the numbers to predict, (samples) or (samples, width), read from a {@code .npy} file. */
    public static Dataset mappedTargets(String name, Path features, Path targets) throws IOException {
        MappedNpy rows = MappedNpy.open(features);
        Part targetPart = part(targets);
        requireSamples(rows.samples(), features.toString(), targetPart, "targets");
        return Dataset.ofTargets(name, rows, targetRows(targetPart));
    }

    private static Dataset classified(String name, Part features, Part labels, int givenClasses) throws IOException {
        requireSamples(features, labels, "labels");
        int[] classOf = classOf(labels, givenClasses);
        int largest = Arrays.stream(classOf).max().orElse(-1);
        int classes = givenClasses > 0 ? givenClasses : largest + 1;
        return Dataset.of(name, features.array().castTo(DataType.FLOAT), classOf, Math.max(classes, 1));
    }

    /** The labels as classes, each in [0, givenClasses) (or [0, the largest int] for 0). */
    private static int[] classOf(Part labels, int givenClasses) throws NpyFormatException {
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
        for (int i = 0; i < values.length; i++) {
            long limit = givenClasses > 0 ? givenClasses : Integer.MAX_VALUE;
            if (values[i] < 0 || values[i] >= limit) {
                throw labels.fault("label " + values[i] + " of sample " + i + " is outside "
                        + (givenClasses > 0 ? "the " + givenClasses + " classes [0, " + (givenClasses - 1) + "]" : "[0, " + (limit - 1) + "]"));
            }
            classOf[i] = (int) values[i];
        }
        return classOf;
    }

    private static Dataset regression(String name, Part features, Part targets) throws IOException {
        requireSamples(features, targets, "targets");
        return Dataset.ofTargets(name, features.array().castTo(DataType.FLOAT), targetRows(targets));
    }

    private static INDArray targetRows(Part targets) throws NpyFormatException {
        INDArray array = targets.array();
        if (array.rank() != 1 && array.rank() != 2) {
            throw targets.fault("targets must be (samples) or (samples, width) but are "
                    + Arrays.toString(array.shape()));
        }
        return array.castTo(DataType.FLOAT);
    }

    private static void requireSamples(Part features, Part predicted, String what) throws NpyFormatException {
        INDArray array = features.array();
        if (array.rank() < 2) {
            throw features.fault("features must be (samples, sample shape...) but are "
                    + Arrays.toString(array.shape()));
        }
        requireSamples(array.size(0), features.where(), predicted, what);
    }

    private static void requireSamples(long samples, String featuresWhere, Part predicted, String what)
            throws NpyFormatException {
        INDArray other = predicted.array();
        long count = other.rank() == 0 ? 1 : other.size(0);
        if (count != samples) {
            throw predicted.fault(count + " " + what + " for the " + samples + " samples of " + featuresWhere);
        }
    }
}
