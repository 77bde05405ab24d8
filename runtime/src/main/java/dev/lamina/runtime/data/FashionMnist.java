package dev.lamina.runtime.data;

import java.io.IOException;
import java.util.List;

/** Fashion-MNIST: Zalando's 60,000 + 10,000 clothing images of (28, 28), 10 classes. */
public final class FashionMnist {
    /** Where the files are, and where they are downloaded from when absent. */
    public static final ImageDataset SOURCE = new ImageDataset("fashion-mnist", 10, List.of(
            "https://storage.googleapis.com/tensorflow/tf-keras-datasets/",
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"));

    /** The class names, by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    public static Dataset train() throws IOException {
        return SOURCE.train(DataDirectory.get());
    }

    public static Dataset test() throws IOException {
        return SOURCE.test(DataDirectory.get());
    }
}
