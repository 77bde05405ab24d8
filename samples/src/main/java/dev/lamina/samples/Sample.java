package dev.lamina.samples;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.Mnist;
import dev.lamina.runtime.training.Network;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/** The reference workloads: a model, its data and the training settings of the Keras tutorial. */
enum Sample {
    MNIST_MLP("mnist-mlp", "Keras' first MNIST network: Flatten, Dense(512, relu), Dense(10, softmax); RMSprop",
            MnistMlpNetwork::create, Data.MNIST, 5, 128);

    final String id;
    final String description;
    final LongFunction<Network> network;
    final Data data;
    final int epochs;
    final int batchSize;

    Sample(String id, String description, LongFunction<Network> network, Data data, int epochs, int batchSize) {
        this.id = id;
        this.description = description;
        this.network = network;
        this.data = data;
        this.epochs = epochs;
        this.batchSize = batchSize;
    }

    static Sample byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No sample '" + id + "'. The samples are: " + ids()));
    }

    static String ids() {
        return Arrays.stream(values()).map(s -> s.id).collect(Collectors.joining(", "));
    }

    /** Where a sample's data comes from. */
    enum Data {
        MNIST;

        Dataset train() throws IOException {
            return Mnist.train();
        }

        Dataset test() throws IOException {
            return Mnist.test();
        }
    }
}
