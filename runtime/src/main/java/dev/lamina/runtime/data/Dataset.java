package dev.lamina.runtime.data;

import dev.lamina.dsl.Shape;
import dev.lamina.runtime.kernels.Buffers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
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
    /** The features in an array, or null when they are {@link #mapped}. */
    private final INDArray features;
    /** The features as rows of a file mapped in pieces ({@link MappedNpy}), or null when they are an array. */
    private final MappedRows mapped;
    /** The class of each sample, or null for a dataset of targets. */
    private final int[] labels;
    private final int classes;
    /** (samples, width) numbers to predict, or null for a dataset of classes. */
    private final INDArray targets;
    private final List<String> classNames;
    private final double[] sampleWeights;

    private Dataset(String name, INDArray features, int[] labels, int classes, INDArray targets,
                    List<String> classNames, double[] sampleWeights) {
        this(name, features, null, labels, classes, targets, classNames, sampleWeights);
    }

    private Dataset(String name, INDArray features, MappedRows mapped, int[] labels, int classes, INDArray targets,
                    List<String> classNames, double[] sampleWeights) {
        this.name = name;
        this.features = features;
        this.mapped = mapped;
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
        requireClasses(name, labels, classes);
        return new Dataset(name, features, labels.clone(), classes, null, null, null);
    }

    /**
     * A dataset of the samples of a mapped {@code .npy} file, of any size, and their class
     * {@code labels}: {@code fit}, {@code evaluate} and {@code predict(Dataset)} read the features
     * batch by batch, and {@link #slice}, {@link #select} and the splits are views of the same
     * mappings. See {@link MappedNpy}; {@link NpyDataset#mapped} reads the labels from a file.
     *
     * @throws IllegalArgumentException if the counts differ or a label is out of range
     */
    public static Dataset of(String name, MappedNpy features, int[] labels, int classes) {
        requireCount(name, features.samples(), labels.length, "labels");
        requireClasses(name, labels, classes);
        return new Dataset(name, null, new MappedRows(features), labels.clone(), classes, null, null, null);
    }

    /** A dataset of the samples of a mapped {@code .npy} file and the numbers to predict for them; see {@link #ofTargets(String, INDArray, INDArray)}. */
    public static Dataset ofTargets(String name, MappedNpy features, INDArray targets) {
        INDArray rows = targetRows(name, targets);
        requireCount(name, features.samples(), targets.size(0), "targets");
        return new Dataset(name, null, new MappedRows(features), null, 0, rows, null, null);
    }

    private static void requireClasses(String name, int[] labels, int classes) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of sample " + i
                        + " is outside the " + classes + " classes [0, " + (classes - 1) + "]");
            }
        }
    }

    /**
     * A dataset of {@code features} (samples, ...) and the numbers to predict for them: {@code targets}
     * (samples) for one number per sample, or (samples, width) for several (a regression's outputs, or
     * 0/1 for each of several labels).
     *
     * @throws IllegalArgumentException if the counts differ or the targets have another rank
     */
    public static Dataset ofTargets(String name, INDArray features, INDArray targets) {
        INDArray rows = targetRows(name, targets);
        requireSamples(name, features, targets.size(0), "targets");
        return new Dataset(name, features, null, 0, rows, null, null);
    }

    private static INDArray targetRows(String name, INDArray targets) {
        if (targets.rank() != 1 && targets.rank() != 2) {
            throw new IllegalArgumentException(name + ": targets must be (samples) or (samples, width) but are "
                    + Arrays.toString(targets.shape()));
        }
        return targets.rank() == 1 ? targets.reshape(targets.size(0), 1) : targets;
    }

    private static void requireSamples(String name, INDArray features, long count, String what) {
        if (features.rank() < 2) {
            throw new IllegalArgumentException(name + ": features must be (samples, sample shape...) but are "
                    + Arrays.toString(features.shape()));
        }
        requireCount(name, features.size(0), count, what);
    }

    private static void requireCount(String name, long samples, long count, String what) {
        if (samples != count) {
            throw new IllegalArgumentException(name + ": " + samples + " samples but " + count + " " + what);
        }
    }

    /** This dataset with names for its classes, in class order (shown by a confusion matrix, kept by the model's user). */
    public Dataset withClassNames(List<String> names) {
        requireClassLabels("class names");
        if (names.size() != classes) {
            throw new IllegalArgumentException(name + ": " + names.size() + " class names for " + classes + " classes");
        }
        return new Dataset(name, features, mapped, labels, classes, null, List.copyOf(names), sampleWeights);
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
        return new Dataset(name, features, mapped, labels, classes, targets, classNames, weights.clone());
    }

    public String name() {
        return name;
    }

    public int size() {
        return mapped != null ? mapped.size() : Math.toIntExact(features.size(0));
    }

    /** Whether each sample has a class label (else it has a row of {@link #targets()}). */
    public boolean hasClassLabels() {
        return labels != null;
    }

    /** The number of classes; 0 for a dataset of targets. */
    public int classes() {
        return classes;
    }

    /** Whether the classes were given names ({@link #withClassNames}, an image folder's, a table's), not only numbers. */
    public boolean hasClassNames() {
        return classNames != null;
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
        long[] shape = mapped != null ? mapped.shape() : features.shape();
        int[] dims = new int[shape.length - 1];
        for (int i = 1; i < shape.length; i++) {
            dims[i - 1] = Math.toIntExact(shape[i]);
        }
        return Shape.of(dims);
    }

    /**
     * All features, (samples, sample shape...).
     *
     * @throws IllegalStateException if they are a file mapped in several pieces ({@link MappedNpy}),
     *                               which is never one array: those are read by batch
     */
    public INDArray features() {
        if (mapped == null) {
            return features;
        }
        INDArray array = mapped.array();
        if (array == null) {
            MappedNpy npy = mapped.npy();
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: the features are %.2f GB in %d mappings of %s"
                    + " and are read by batch (fit, evaluate, predict(Dataset)), never as one array", name,
                    npy.bytes() / 1e9, npy.mappings(), npy.file()));
        }
        return array;
    }

    /**
     * The features as {@code fit}, {@code evaluate} and {@code predict(Dataset)} read them, a batch of
     * rows at a time, for a network computing in {@code dataType}: an array's are that array in the
     * type, row-major (cast or copied only if it is not); a mapped file's are read from its mappings
     * and converted batch by batch.
     */
    public FeatureRows featureRows(DataType dataType) {
        if (mapped != null) {
            return mapped;
        }
        INDArray typed = Buffers.contiguous(features, dataType);
        return new ArrayRows(typed.reshape('c', size(), sampleShape().size()));
    }

    /** Whether the features are a file mapped in pieces, read by batch ({@link MappedNpy}). */
    public boolean isMapped() {
        return mapped != null;
    }

    /** The class of each sample. */
    public int[] labels() {
        requireClassLabels("class labels");
        return labels.clone();
    }

    /** The labels as one-hot rows, (samples, classes), in the features' data type. */
    public INDArray labelsOneHot() {
        return OneHot.encode(labels(), classes, mapped != null ? DataType.FLOAT : features.dataType());
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

    /** Samples {@code from} (inclusive) to {@code to} (exclusive), sharing this dataset's arrays (or mappings). */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size() + " samples of " + name);
        }
        return new Dataset(name, mapped != null ? null : features.get(NDArrayIndex.interval(from, to)),
                mapped == null ? null : mapped.slice(from, to),
                labels == null ? null : Arrays.copyOfRange(labels, from, to), classes,
                targets == null ? null : targets.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()),
                classNames, sampleWeights == null ? null : Arrays.copyOfRange(sampleWeights, from, to));
    }

    /**
     * The samples at {@code indices}, in that order, in arrays of their own; mapped features stay in
     * the file, the new dataset listing which of its samples it holds.
     */
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
        INDArray selectedTargets = targets == null ? null : Nd4j.pullRows(targets.dup('c'), 1, indices);
        if (mapped != null) {
            // A list of the file's samples, not a copy: a part of a split may be larger than the memory.
            return new Dataset(name, null, mapped.select(indices), selectedLabels, classes, selectedTargets,
                    classNames, selectedWeights);
        }
        INDArray flat = features.reshape('c', features.size(0), sampleShape().size());
        long[] shape = features.shape().clone();
        shape[0] = indices.length;
        INDArray selected = Nd4j.pullRows(flat.dup('c'), 1, indices).reshape('c', shape);
        return new Dataset(name, selected, selectedLabels, classes, selectedTargets, classNames, selectedWeights);
    }

    /**
     * A shuffled split, as scikit-learn's {@code train_test_split(shuffle=True)}: the samples in an
     * order drawn from {@code seed}, the last {@code testFraction} of them (rounded up) as the test part.
     */
    public Split split(double testFraction, long seed) {
        int test = testCount(size(), testFraction);
        int[] order = shuffled(allIndices(), new SplittableRandom(seed));
        return parts(Arrays.copyOfRange(order, 0, size() - test), Arrays.copyOfRange(order, size() - test, size()));
    }

    /**
     * A shuffled split that keeps each class's share in both parts, as scikit-learn's
     * {@code train_test_split(stratify=y)}: of each class, {@code testFraction} of its samples (rounded
     * to the nearest, the total made to agree with {@link #split}'s) drawn from {@code seed} go to the
     * test part. A small test set then is not, by chance, short of the rarer class.
     */
    public Split stratifiedSplit(double testFraction, long seed) {
        requireClassLabels("classes to stratify by");
        int test = testCount(size(), testFraction);
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> trainPart = new ArrayList<>();
        List<Integer> testPart = new ArrayList<>();
        int assigned = 0;
        int seen = 0;
        for (int c = 0; c < classes; c++) {
            int current = c;
            int[] members = shuffled(IntStream.range(0, size()).filter(i -> labels[i] == current)
                    .toArray(), random);
            seen += members.length;
            // Rounding the running total, not each class, makes the counts add up to the whole test part.
            int inTest = (int) Math.round((double) seen * test / size()) - assigned;
            assigned += inTest;
            for (int i = 0; i < members.length; i++) {
                (i < inTest ? testPart : trainPart).add(members[i]);
            }
        }
        int[] trainIndices = shuffled(trainPart.stream().mapToInt(Integer::intValue).toArray(), random);
        int[] testIndices = shuffled(testPart.stream().mapToInt(Integer::intValue).toArray(), random);
        return parts(trainIndices, testIndices);
    }

    private static int testCount(int size, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("The test fraction must be between 0 and 1 but is " + testFraction);
        }
        int test = (int) Math.ceil(size * testFraction);
        if (test >= size) {
            throw new IllegalArgumentException(size + " samples are too few to hold out " + testFraction + " of them");
        }
        return test;
    }

    private int[] allIndices() {
        return IntStream.range(0, size()).toArray();
    }

    /** {@code indices} in an order drawn from {@code random} (Fisher-Yates), in place. */
    private static int[] shuffled(int[] indices, SplittableRandom random) {
        for (int i = indices.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        return indices;
    }

    private Split parts(int[] train, int[] test) {
        return new Split(select(train).renamed(name + " (training part)"), select(test).renamed(name + " (test part)"));
    }

    /** The two parts of a {@link #split}. */
    public record Split(Dataset train, Dataset test) {
    }

    private Dataset renamed(String newName) {
        return new Dataset(newName, features, mapped, labels, classes, targets, classNames, sampleWeights);
    }

    /**
     * This dataset with its features (and targets) in {@code dataType}. Mapped features stay as they
     * are, float32 in the file: {@link #featureRows} converts them a batch at a time.
     */
    public Dataset withDataType(DataType dataType) {
        if (mapped != null) {
            boolean same = targets == null || targets.dataType() == dataType;
            return same ? this : new Dataset(name, null, mapped, labels, classes, targets.castTo(dataType), classNames,
                    sampleWeights);
        }
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
