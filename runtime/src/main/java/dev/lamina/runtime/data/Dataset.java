package dev.lamina.runtime.data;

import dev.lamina.dsl.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Samples with integer class labels: features (samples, sample shape...) and one label per sample.
 * Immutable; {@link #labelsOneHot()} gives the labels as categorical crossentropy wants them.
 */
public final class Dataset {
    private final String name;
    private final INDArray features;
    private final int[] labels;
    private final int classes;

    private Dataset(String name, INDArray features, int[] labels, int classes) {
        this.name = name;
        this.features = features;
        this.labels = labels;
        this.classes = classes;
    }

    /**
     * A dataset of {@code features} (samples, ...) and their {@code labels}, each in [0, classes).
     *
     * @throws IllegalArgumentException if the counts differ or a label is out of range
     */
    public static Dataset of(String name, INDArray features, int[] labels, int classes) {
        if (features.rank() < 2) {
            throw new IllegalArgumentException(name + ": features must be (samples, sample shape...) but are "
                    + Arrays.toString(features.shape()));
        }
        if (features.size(0) != labels.length) {
            throw new IllegalArgumentException(name + ": " + features.size(0) + " samples but " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of sample " + i
                        + " is outside the " + classes + " classes [0, " + (classes - 1) + "]");
            }
        }
        return new Dataset(name, features, labels.clone(), classes);
    }

    public String name() {
        return name;
    }

    public int size() {
        return labels.length;
    }

    public int classes() {
        return classes;
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
        return labels.clone();
    }

    /** The labels as one-hot rows, (samples, classes), in the features' data type. */
    public INDArray labelsOneHot() {
        return OneHot.encode(labels, classes, features.dataType());
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive), sharing this dataset's arrays. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size() + " samples of " + name);
        }
        return new Dataset(name, features.get(NDArrayIndex.interval(from, to)),
                Arrays.copyOfRange(labels, from, to), classes);
    }

    /** This dataset with its features in {@code dataType}. */
    public Dataset withDataType(DataType dataType) {
        return features.dataType() == dataType ? this : new Dataset(name, features.castTo(dataType), labels, classes);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " samples of " + sampleShape() + ", " + classes + " classes)";
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
        return new Dataset(name, features, classOf, classes);
    }
}
