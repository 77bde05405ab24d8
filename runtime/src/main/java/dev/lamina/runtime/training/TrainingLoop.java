package dev.lamina.runtime.training;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.losses.CrossEntropy;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code fit}, {@code evaluate} and {@code predict}, the same for every network: batching, shuffling,
 * metrics, logging and callbacks around the network's own {@code trainBatch} and {@code output}.
 */
public final class TrainingLoop {
    /** Batch size of {@code evaluate} and {@code predict} when none is given (Keras uses 32). */
    static final int INFERENCE_BATCH = 256;

    private TrainingLoop() {
    }

    public static History fit(Network network, Dataset train, FitOptions options) {
        return fit(network, train, options, System.out);
    }

    static History fit(Network network, Dataset train, FitOptions options, PrintStream log) {
        InputCheck.requireDataset(network, train, "fit");
        if (options.validation() != null) {
            InputCheck.requireDataset(network, options.validation(), "fit's validation data");
        }
        Batches batches = new Batches(network, train);
        History history = new History();
        boolean[] stop = {false};
        Callback.Training training = () -> stop[0] = true;
        for (int epoch = 0; epoch < options.epochs() && !stop[0]; epoch++) {
            long start = System.nanoTime();
            int[] order = BatchOrder.forEpoch(train.size(), options.shuffle(), options.seed(), epoch);
            double lossSum = 0;
            long correct = 0;
            for (int from = 0; from < order.length; from += options.batchSize()) {
                int[] indices = Arrays.copyOfRange(order, from, Math.min(order.length, from + options.batchSize()));
                INDArray labels = batches.labels(indices);
                INDArray outputs = network.trainBatch(batches.features(indices), labels);
                double batchLoss = loss(network, outputs, labels);
                if (!Double.isFinite(batchLoss)) {
                    throw new IllegalStateException("Training stopped in epoch " + (epoch + 1) + ", batch "
                            + (from / options.batchSize() + 1) + ": the loss is " + batchLoss + ". Lower the learning"
                            + " rate, or check " + train.name() + " for NaN or infinite values.");
                }
                lossSum += batchLoss * indices.length;
                correct += Accuracy.correct(outputs, labels);
            }
            Map<String, Double> logs = new LinkedHashMap<>();
            logs.put("loss", lossSum / train.size());
            logs.put("accuracy", (double) correct / train.size());
            if (options.validation() != null) {
                Evaluation validation = evaluate(network, options.validation());
                logs.put("val_loss", validation.loss());
                logs.put("val_accuracy", validation.accuracy());
            }
            history.add(logs);
            if (options.verbose() > 0) {
                log.println(epochLine(epoch, options.epochs(), System.nanoTime() - start, logs));
            }
            for (Callback callback : options.callbacks()) {
                callback.onEpochEnd(training, epoch, logs);
            }
        }
        return history;
    }

    /**
     * {@code fit} on arrays, as Keras' {@code fit(x, y)}: features (samples, input shape...) and labels,
     * one-hot (samples, classes) for categorical crossentropy or class indices (samples) for the
     * sparse loss.
     *
     * @throws IllegalArgumentException naming the expected and received shapes, before any training
     */
    public static History fit(Network network, INDArray features, INDArray labels, FitOptions options) {
        return fit(network, ArrayData.of(network, features, labels, "fit"), options);
    }

    /** {@code evaluate} on arrays, with the label conventions of {@link #fit(Network, INDArray, INDArray, FitOptions)}. */
    public static Evaluation evaluate(Network network, INDArray features, INDArray labels) {
        return evaluate(network, ArrayData.of(network, features, labels, "evaluate"));
    }

    public static Evaluation evaluate(Network network, Dataset data) {
        InputCheck.requireDataset(network, data, "evaluate");
        Batches batches = new Batches(network, data);
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < data.size(); from += INFERENCE_BATCH) {
            int to = Math.min(data.size(), from + INFERENCE_BATCH);
            INDArray labels = batches.labelRange(from, to);
            INDArray outputs = network.output(batches.featureRange(from, to));
            lossSum += loss(network, outputs, labels) * (to - from);
            correct += Accuracy.correct(outputs, labels);
        }
        return new Evaluation(lossSum / data.size(), (double) correct / data.size());
    }

    /** The network's outputs (samples, classes) for {@code features} (samples, input shape...). */
    public static INDArray predict(Network network, INDArray features) {
        InputCheck.requireFeatures(network, features, "predict");
        long samples = features.size(0);
        INDArray all = Nd4j.create(network.dataType(), samples, network.classes());
        INDArray flat = InputCheck.typed(network, features).reshape('c', samples, network.inputShape().size());
        for (long from = 0; from < samples; from += INFERENCE_BATCH) {
            long to = Math.min(samples, from + INFERENCE_BATCH);
            INDArray batch = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to))
                    .reshape('c', network.inputShape().withBatch(to - from));
            all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to)).assign(network.output(batch));
        }
        return all;
    }

    private static double loss(Network network, INDArray outputs, INDArray labels) {
        return network.outputsLogits()
                ? CrossEntropy.fromLogits(outputs, labels)
                : CrossEntropy.fromProbabilities(outputs, labels);
    }

    static String epochLine(int epoch, int epochs, long nanos, Map<String, Double> logs) {
        StringBuilder line = new StringBuilder()
                .append("Epoch ").append(epoch + 1).append('/').append(epochs)
                .append(String.format(" - %.1fs", nanos / 1e9));
        logs.forEach((name, value) -> line.append(String.format(" - %s: %.4f", name, value)));
        return line.toString();
    }
}
