package dev.lamina.bench;

import dev.lamina.runtime.data.Dataset;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * DL4J's MultiLayerNetwork configured as the model ({@link Dl4jModels}), fed batches of Lamina's size in
 * an order shuffled from the same seed: its own shuffle, not the exact order of Lamina's
 * {@code BatchOrder}, which the runtime keeps to itself.
 */
final class Dl4jEngine extends Engine {
    private final LongFunction<MultiLayerNetwork> create;

    Dl4jEngine(Workload model, Dataset train, Dataset test) {
        super(train, test, model.batchSize);
        this.create = switch (model) {
            case MLP -> Dl4jModels::mlp;
            case CNN -> Dl4jModels::cnn;
            // Its residual additions would need a ComputationGraph; the benchmark does not start DL4J for it.
            case TOY_RESNET -> throw new IllegalArgumentException("DL4J's engine has no toy ResNet");
            case FASHION_CNN -> throw new IllegalArgumentException("DL4J's engine has no Fashion-MNIST CNN");
        };
    }

    /** Batches of the same size in an order shuffled from {@code seed}, gathered by pullRows, fed to fit. */
    @Override
    Epoch epoch(long seed) {
        MultiLayerNetwork network = create.apply(seed);
        INDArray features = train.features().reshape('c', train.size(), 784);
        INDArray labels = train.labelsOneHot();
        int[] order = shuffled(train.size(), seed);
        return EpochTimer.timed(() -> {
            for (int from = 0; from < order.length; from += batch) {
                int[] indices = Arrays.copyOfRange(order, from, Math.min(order.length, from + batch));
                network.fit(new DataSet(Nd4j.pullRows(features, 1, indices), Nd4j.pullRows(labels, 1, indices)));
            }
        }, () -> accuracy(network));
    }

    @Override
    Runnable prediction(long seed) {
        MultiLayerNetwork network = create.apply(seed);
        return () -> output(network);
    }

    @Override
    SinglePrediction singlePrediction(long seed) {
        MultiLayerNetwork network = create.apply(seed);
        return image -> network.output(image.reshape('c', 1, 784));
    }

    private double accuracy(MultiLayerNetwork network) {
        long[] predicted = output(network).argMax(1).toLongVector();
        int[] labels = test.labels();
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }

    /** DL4J's outputs in batches of 256, as Lamina's predict. */
    private INDArray output(MultiLayerNetwork network) {
        INDArray features = test.features().reshape('c', test.size(), 784);
        INDArray all = Nd4j.create(DataType.FLOAT, test.size(), 10);
        for (int from = 0; from < test.size(); from += 256) {
            int to = Math.min(test.size(), from + 256);
            all.get(NDArrayIndex.interval(from, to)).assign(network.output(features.get(NDArrayIndex.interval(from, to))));
        }
        return all;
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
