package dev.lamina.runtime.data;

import dev.lamina.dsl.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Samples and what a model should predict for them: features (samples, sample shape...) and either
 * one class label per sample ({@link #of}), for a classifier, or a row of numbers per sample
 * ({@link #ofTargets}), for regression or several yes/no labels. Optionally the classes' names and a
 * weight per sample (Keras' {@code sample_weight}). Immutable.
 */
public final class Dataset {
    private final String name;
    private final INDArray features;
    /** The class of each sample, or null for a dataset of targets. */
    private final int[] labels;
    private final int classes;
    /** (samples, width) numbers to predict, or null for a dataset of classes. */
    private final INDArray targets;
    private final List<String> classNames;
    private final double[] sampleWeights;

    private Dataset(String name, INDArray features, int[] labels, int classes, INDArray targets,
                    List<String> classNames, double[] sampleWeights) {
        this.name = name;
        this.features = features;
        this.labels = labels;
        this.classes = classes;
        this.targets = targets;
        this.classNames = classNames;
        this.sampleWeights = sampleWeights;
    }

    /**
     * A dataset of {@code features} (samples, ...) and their class {@code labels}, each in [0, classes).
     *
     * @throws IllegalArgumentException if the counts differ or a label is out of range
     */
    public static Dataset of(String name, INDArray features, int[] labels, int classes) {
        requireSamples(name, features, labels.length, "labels");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of sample " + i
                        + " is outside the " + classes + " classes [0, " + (classes - 1) + "]");
            }
        }
        return new Dataset(name, features, labels.clone(), classes, null, null, null);
    }

    /**
     * A dataset of {@code features} (samples, ...) and the numbers to predict for them: {@code targets}
     * (samples) for one number per sample, or (samples, width) for several (a regression's outputs, or
     * 0/1 for each of several labels).
     *
     * @throws IllegalArgumentException if the counts differ or the targets have another rank
     */
    public static Dataset ofTargets(String name, INDArray features, INDArray targets) {
        if (targets.rank() != 1 && targets.rank() != 2) {
            throw new IllegalArgumentException(name + ": targets must be (samples) or (samples, width) but are "
                    + Arrays.toString(targets.shape()));
        }
        requireSamples(name, features, targets.size(0), "targets");
        INDArray rows = targets.rank() == 1 ? targets.reshape(targets.size(0), 1) : targets;
        return new Dataset(name, features, null, 0, rows, null, null);
    }

    private static void requireSamples(String name, INDArray features, long count, String what) {
        if (features.rank() < 2) {
            throw new IllegalArgumentException(name + ": features must be (samples, sample shape...) but are "
                    + Arrays.toString(features.shape()));
        }
        if (features.size(0) != count) {
            throw new IllegalArgumentException(name + ": " + features.size(0) + " samples but " + count + " " + what);
        }
    }

    /** This dataset with names for its classes, in class order (shown by a confusion matrix, kept by the model's user). */
    public Dataset withClassNames(List<String> names) {
        requireClassLabels("class names");
        if (names.size() != classes) {
            throw new IllegalArgumentException(name + ": " + names.size() + " class names for " + classes + " classes");
        }
        return new Dataset(name, features, labels, classes, null, List.copyOf(names), sampleWeights);
    }

    /**
     * This dataset with a weight for each sample, which multiplies that sample's loss in {@code fit}
     * (Keras' {@code sample_weight}).
     *
     * @throws IllegalArgumentException if the count differs or a weight is negative or not finite
     */
    public Dataset withSampleWeights(double[] weights) {
        if (weights.length != size()) {
            throw new IllegalArgumentException(name + ": " + weights.length + " sample weights for " + size() + " samples");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException(name + ": the weight of sample " + i + " is " + weights[i]
                        + "; a weight must be finite and at least 0");
            }
        }
        return new Dataset(name, features, labels, classes, targets, classNames, weights.clone());
    }

    public String name() {
        return name;
    }

    public int size() {
        return Math.toIntExact(features.size(0));
    }

    /** Whether each sample has a class label (else it has a row of {@link #targets()}). */
    public boolean hasClassLabels() {
        return labels != null;
    }

    /** The number of classes; 0 for a dataset of targets. */
    public int classes() {
        return classes;
    }

    /** The classes' names, or their numbers ("0", "1", ...) if none were given. */
    public List<String> classNames() {
        requireClassLabels("class names");
        if (classNames != null) {
            return classNames;
        }
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            numbers.add(Integer.toString(i));
        }
        return numbers;
    }

    /** The shape of one sample, without the batch dimension. */
    public Shape sampleShape() {
        long[] shape = features.shape();
        int[] dims = new int[shape.length - 1];
        for (int i = 1; i < shape.length; i++) {
            dims[i - 1] = Math.toIntExact(shape[i]);
        }
        return Shape.of(dims);
    }

    /** All features, (samples, sample shape...). */
    public INDArray features() {
        return features;
    }

    /** The class of each sample. */
    public int[] labels() {
        requireClassLabels("class labels");
        return labels.clone();
    }

    /** The labels as one-hot rows, (samples, classes), in the features' data type. */
    public INDArray labelsOneHot() {
        return OneHot.encode(labels(), classes, features.dataType());
    }

    /** The numbers to predict, (samples, width). */
    public INDArray targets() {
        if (targets == null) {
            throw new IllegalStateException(name + " has class labels, not targets: use labels()");
        }
        return targets;
    }

    /** Each sample's weight, if the dataset has them. */
    public Optional<double[]> sampleWeights() {
        return Optional.ofNullable(sampleWeights).map(double[]::clone);
    }

    private void requireClassLabels(String what) {
        if (labels == null) {
            throw new IllegalStateException(name + " has targets, not " + what);
        }
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive), sharing this dataset's arrays. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size() + " samples of " + name);
        }
        return new Dataset(name, features.get(NDArrayIndex.interval(from, to)),
                labels == null ? null : Arrays.copyOfRange(labels, from, to), classes,
                targets == null ? null : targets.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()),
                classNames, sampleWeights == null ? null : Arrays.copyOfRange(sampleWeights, from, to));
    }

    /** The samples at {@code indices}, in that order, in arrays of their own. */
    public Dataset select(int[] indices) {
        int[] selectedLabels = null;
        double[] selectedWeights = sampleWeights == null ? null : new double[indices.length];
        if (labels != null) {
            selectedLabels = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                selectedLabels[i] = labels[indices[i]];
            }
        }
        for (int i = 0; selectedWeights != null && i < indices.length; i++) {
            selectedWeights[i] = sampleWeights[indices[i]];
        }
        INDArray flat = features.reshape('c', features.size(0), sampleShape().size());
        long[] shape = features.shape().clone();
        shape[0] = indices.length;
        INDArray selected = Nd4j.pullRows(flat.dup('c'), 1, indices).reshape('c', shape);
        INDArray selectedTargets = targets == null ? null : Nd4j.pullRows(targets.dup('c'), 1, indices);
        return new Dataset(name, selected, selectedLabels, classes, selectedTargets, classNames, selectedWeights);
    }

    /**
     * A shuffled split, as scikit-learn's {@code train_test_split(shuffle=True)}: the samples in an
     * order drawn from {@code seed}, the last {@code testFraction} of them (rounded up) as the test part.
     */
    public Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("The test fraction must be between 0 and 1 but is " + testFraction);
        }
        int test = (int) Math.ceil(size() * testFraction);
        if (test == size()) {
            throw new IllegalArgumentException(name + " has " + size() + " samples: too few to split " + testFraction);
        }
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int train = size() - test;
        return new Split(select(Arrays.copyOfRange(order, 0, train)).renamed(name + " (training part)"),
                select(Arrays.copyOfRange(order, train, order.length)).renamed(name + " (test part)"));
    }

    /** The two parts of a {@link #split}. */
    public record Split(Dataset train, Dataset test) {
    }

    private Dataset renamed(String newName) {
        return new Dataset(newName, features, labels, classes, targets, classNames, sampleWeights);
    }

    /** This dataset with its features (and targets) in {@code dataType}. */
    public Dataset withDataType(DataType dataType) {
        boolean same = features.dataType() == dataType && (targets == null || targets.dataType() == dataType);
        return same ? this : new Dataset(name, features.castTo(dataType), labels, classes,
                targets == null ? null : targets.castTo(dataType), classNames, sampleWeights);
    }

    @Override
    public String toString() {
        String predicted = labels != null ? classes + " classes" : targets.size(1) + (targets.size(1) == 1 ? " target" : " targets");
        return name + " (" + size() + " samples of " + sampleShape() + ", " + predicted + ")";
    }

    /** Builds a dataset from IDX images scaled to [0, 1] and IDX labels, checking they agree. */
    static Dataset fromIdx(String name, IdxFile images, Path imagesFile,
                           IdxFile labels, Path labelsFile, int classes) throws IdxFormatException {
        if (labels.dims().length != 1) {
            throw new IdxFormatException(labelsFile, "labels must have one dimension but the header gives "
                    + labels.dims().length);
        }
        if (images.dims().length < 2) {
            throw new IdxFormatException(imagesFile, "images must have at least two dimensions but the header gives "
                    + images.dims().length);
        }
        if (images.count() != labels.count()) {
            throw new IdxFormatException(labelsFile, labels.count() + " labels for the " + images.count()
                    + " images of " + imagesFile);
        }
        int[] classOf = new int[labels.count()];
        for (int i = 0; i < classOf.length; i++) {
            classOf[i] = labels.unsigned(i);
            if (classOf[i] >= classes) {
                throw new IdxFormatException(labelsFile, "label " + classOf[i] + " of item " + i
                        + " is outside the " + classes + " classes");
            }
        }
        float[] pixels = new float[images.data().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = images.unsigned(i) / 255f;
        }
        long[] shape = Arrays.stream(images.dims()).asLongStream().toArray();
        INDArray features = Nd4j.create(pixels, shape, 'c');
        return new Dataset(name, features, classOf, classes, null, null, null);
    }
}
