package dev.lamina.runtime.data;

import java.io.IOException;
import java.util.List;

/** MNIST handwritten digits: 60,000 training and 10,000 test images of (28, 28), 10 classes. */
public final class Mnist {
    /** Where the files are, and where they are downloaded from when absent. */
    public static final ImageDataset SOURCE = new ImageDataset("mnist", 10, List.of(
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
            "https://ossci-datasets.s3.amazonaws.com/mnist/"));

    private Mnist() {
    }

    /** The training set from the {@link DataDirectory}, downloaded first if absent. */
    public static Dataset train() throws IOException {
        return SOURCE.train(DataDirectory.get());
    }

    /** Whether the test set is in the {@link DataDirectory}, so that {@link #test} downloads nothing. */
    public static boolean hasTest() {
        return SOURCE.hasTest(DataDirectory.get());
    }

    /** The test set from the {@link DataDirectory}, downloaded first if absent. */
    public static Dataset test() throws IOException {
        return SOURCE.test(DataDirectory.get());
    }
}
