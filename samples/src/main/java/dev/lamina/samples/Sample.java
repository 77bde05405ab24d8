package dev.lamina.samples;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.FashionMnist;
import dev.lamina.runtime.data.Mnist;
import dev.lamina.runtime.data.SklearnDatasets;
import dev.lamina.runtime.training.AbstractNetwork;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/** The reference workloads: a model, its data and the training settings of its Keras tutorial. */
enum Sample {
    MNIST_MLP("mnist-mlp", "Keras' first MNIST network: Flatten, Dense(512, relu), Dense(10, softmax); RMSprop",
            MnistMlpNetwork::create, Data.MNIST, 5, 128, false, 0, false),
    MNIST_CNN("mnist-cnn", "Keras' MNIST convnet: 3 convolutions, 2 max pools, Dense(64), softmax; Adam",
            MnistCnnNetwork::create, Data.MNIST, 5, 64, true, 0, false),
    MNIST_CNN_LOGITS("mnist-cnn-logits", "the MNIST convnet outputting logits; sparse crossentropy from logits; Adam",
            MnistCnnLogitsNetwork::create, Data.MNIST, 10, 64, true, 0, false),
    FASHION_CNN("fashion-cnn", "the Fashion-MNIST convnet: 2 convolutions, 2 max pools, Dense(128), softmax; Adam",
            FashionCnnNetwork::create, Data.FASHION_MNIST, 5, 32, true, 0, false),
    FASHION_CNN_AUGMENTED("fashion-cnn-augmented", "the Fashion-MNIST convnet behind RandomFlip (horizontal) and"
            + " RandomTranslation (0.1); Adam", FashionCnnAugmentedNetwork::create, Data.FASHION_MNIST, 5, 32, true, 0, false),
    SINGLE_CONV("single-conv", "one convolution on MNIST, trained until 99.8% training accuracy (at most 20 epochs)",
            SingleConvNetwork::create, Data.MNIST, 20, 32, false, 0.998, false),
    TOY_RESNET("toy-resnet", "Keras' toy ResNet on Fashion-MNIST: two residual blocks, global average pooling; RMSprop",
            ToyResNetNetwork::create, Data.FASHION_MNIST, 10, 64, true, 0, false),
    TOY_RESNET_BN("toy-resnet-bn",
            "the toy ResNet with BatchNormalization after each convolution; Adam, its rate decayed along a cosine",
            ToyResNetBnNetwork::create, Data.FASHION_MNIST, 10, 64, true, 0, true),
    BREAST_CANCER("breast-cancer", "scikit-learn's breast cancer table, malignant or benign: Normalization, Dense(16),"
            + " one sigmoid unit; Adam", BreastCancerNetwork::create, Data.BREAST_CANCER, 60, 32, false, 0, false),
    DIABETES("diabetes", "scikit-learn's diabetes table, a number to predict: Normalization, Dense(16), one linear unit;"
            + " squared error, Adam", DiabetesNetwork::create, Data.DIABETES, 200, 32, false, 0, false),
    IRIS("iris", "Fisher's iris table, three species: Normalization, Dense(16), softmax; Adam",
            IrisNetwork::create, Data.IRIS, 100, 16, false, 0, false),
    DIGITS("digits", "scikit-learn's 8x8 digits as images: 2 convolutions, a max pool, softmax; Adam",
            DigitsNetwork::create, Data.DIGITS, 30, 32, false, 0, false);

    final String id;
    final String description;
    final LongFunction<AbstractNetwork> network;
    final Data data;
    final int epochs;
    final int batchSize;
    /** Whether fit reports the test set as validation data after every epoch. */
    final boolean validateOnTest;
    /** A training accuracy at which to stop, or 0 for none. */
    final double stopAtAccuracy;
    /** Whether the model's learning rate decays to 0 along half a cosine over the run's steps (Keras' CosineDecay). */
    final boolean cosineDecay;

    Sample(String id, String description, LongFunction<AbstractNetwork> network, Data data, int epochs, int batchSize,
           boolean validateOnTest, double stopAtAccuracy, boolean cosineDecay) {
        this.id = id;
        this.description = description;
        this.network = network;
        this.data = data;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.validateOnTest = validateOnTest;
        this.stopAtAccuracy = stopAtAccuracy;
        this.cosineDecay = cosineDecay;
    }

    static Sample byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample '" + id + "'; the samples are " + ids()));
    }

    static String ids() {
        return Arrays.stream(values()).map(s -> s.id).collect(Collectors.joining(", "));
    }

    /** Where a sample's data comes from. */
    enum Data {
        MNIST,
        FASHION_MNIST,
        BREAST_CANCER,
        DIABETES,
        IRIS,
        DIGITS;

        /** The seed of the tables' split: fixed, so that every run and every --seed tests on the same rows. */
        static final long SPLIT_SEED = 42;
        /** The tables' test share, as scikit-learn's examples hold out. */
        static final double TEST_FRACTION = 0.2;

        /** The training and test samples: the image datasets' own, or a seeded 80/20 split of a table (by class for a classifier's). */
        Dataset.Split load() throws IOException {
            return switch (this) {
                case MNIST -> new Dataset.Split(Mnist.train(), Mnist.test());
                case FASHION_MNIST -> new Dataset.Split(FashionMnist.train(), FashionMnist.test());
                case BREAST_CANCER -> SklearnDatasets.breastCancer().dataset().stratifiedSplit(TEST_FRACTION, SPLIT_SEED);
                case DIABETES -> SklearnDatasets.diabetes().targetDataset("diabetes").split(TEST_FRACTION, SPLIT_SEED);
                case IRIS -> SklearnDatasets.iris().dataset().stratifiedSplit(TEST_FRACTION, SPLIT_SEED);
                case DIGITS -> scaled(SklearnDatasets.digits().dataset(), 1.0 / 16).stratifiedSplit(TEST_FRACTION, SPLIT_SEED);
            };
        }

        /** {@code data} with its features times {@code factor}: the digits' pixels, 0 to 16, to [0, 1] as MNIST's are. */
        private static Dataset scaled(Dataset data, double factor) {
            return Dataset.of(data.name(), data.features().mul(factor), data.labels(), data.classes())
                    .withClassNames(data.classNames());
        }

        /** Whether the samples are images, which a grid of predictions can show. */
        boolean images() {
            return this == MNIST || this == FASHION_MNIST;
        }

        /** The image datasets' class names, for the grid of predictions. */
        List<String> classNames() {
            return this == MNIST ? List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9") : FashionMnist.CLASS_NAMES;
        }
    }
}
