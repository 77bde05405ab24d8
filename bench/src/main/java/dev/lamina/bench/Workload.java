package dev.lamina.bench;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.FashionMnist;
import dev.lamina.runtime.data.Mnist;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The benchmark's models, each with its samples' data and batch size, its training FLOPs and how many
 * epochs the benchmark spends on it. Its {@link #name()} is what the engines' command lines and the
 * table use; {@link #option} what {@code --models} takes.
 */
enum Workload {
    /** MnistMlp: batches of 128, RMSprop. */
    MLP("mlp", 128, TrainingFlops.MLP, 3, 5, 0.9, true),
    /** MnistCnn: batches of 64, Adam. */
    CNN("cnn", 64, TrainingFlops.CNN, 3, 5, 0.9, true),
    /**
     * FashionCnn on Fashion-MNIST, batches of 32 as the samples' {@code fashion-cnn} (Keras' default), Adam.
     * One warm-up epoch per engine and three timed ones: its 1,875 steps an epoch run the per-call Java
     * code as often as the CNN's three epochs do. Not run with DL4J ({@link Dl4jModels} has the MNIST
     * models only).
     */
    FASHION_CNN("fashion-cnn", 32, TrainingFlops.FASHION_CNN, 1, 3, 0.8, false),
    /**
     * ToyResNet on Fashion-MNIST, batches of 64 as the samples' {@code toy-resnet}, RMSprop(1e-3). One
     * warm-up epoch per engine and three timed ones, not three and five: an epoch takes some 80 s on this
     * project's 2-core machine, and its 938 steps run the per-call Java code thousands of times in the
     * warm-up epoch, whose steps' seven convolutions and their gradients outweigh that code by far
     * (Lamina's warm-up goes on while its JIT is not quiet, up to three epochs: see Benchmark). Not run with DL4J: its
     * residual additions need a ComputationGraph, which this benchmark does not configure.
     */
    TOY_RESNET("toy-resnet", 64, TrainingFlops.TOY_RESNET, 1, 3, 0.7, false);

    /** The name {@code --models} takes. */
    final String option;
    final int batchSize;
    final List<TrainingFlops.Weighted> layers;
    /** Untimed epochs per engine before the timed ones (Lamina's may go on until its JIT is quiet). */
    final int warmUps;
    /** Timed epochs per engine, alternated; one with {@code --quick}. */
    final int repeats;
    /**
     * The mean test accuracy under which a row is flagged as not having learned: one epoch of
     * Fashion-MNIST, a harder set, ends lower than one of MNIST.
     */
    final double learned;
    /** Whether DL4J runs it ({@link Dl4jModels} has it). */
    final boolean dl4j;

    Workload(String option, int batchSize, List<TrainingFlops.Weighted> layers, int warmUps, int repeats,
             double learned, boolean dl4j) {
        this.option = option;
        this.batchSize = batchSize;
        this.layers = layers;
        this.warmUps = warmUps;
        this.repeats = repeats;
        this.learned = learned;
        this.dl4j = dl4j;
    }

    static Workload byOption(String option) {
        return Arrays.stream(values()).filter(w -> w.option.equals(option.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model '" + option + "'; the models are " + options()));
    }

    static String options() {
        return Arrays.stream(values()).map(w -> w.option).collect(Collectors.joining(", "));
    }

    long flopsPerSample() {
        return TrainingFlops.perSample(layers);
    }

    Dataset train() throws IOException {
        return fashionMnist() ? FashionMnist.train() : Mnist.train();
    }

    Dataset test() throws IOException {
        return fashionMnist() ? FashionMnist.test() : Mnist.test();
    }

    /** The models whose epochs are long: one warm-up epoch, a cap on Lamina's, no memory report (see Benchmark). */
    boolean longEpochs() {
        return warmUps == 1;
    }

    private boolean fashionMnist() {
        return this == FASHION_CNN || this == TOY_RESNET;
    }
}
