package dev.lamina.runtime.training;

import dev.lamina.runtime.optimizers.LearningRateSchedule;
import dev.lamina.runtime.optimizers.Optimizer;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.FeatureRows;
import dev.lamina.runtime.kernels.Buffers;
import dev.lamina.runtime.kernels.HostMemory;
import java.nio.ByteBuffer;
import java.util.stream.IntStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code fit}, {@code evaluate} and {@code predict}, the same for every network: batching, shuffling,
 * metrics, logging and callbacks around the network's own {@code trainBatch} and {@code output}.
 */
final class TrainingLoop {
    /** Batch size of {@code evaluate} and {@code predict} when none is given (Keras uses 32). */
    static final int INFERENCE_BATCH = 256;

    private TrainingLoop() {
    }

    static History fit(Network network, Dataset train, FitOptions options) {
        return fit(network, train, options, System.out);
    }

    static History fit(Network network, Dataset data, FitOptions options, PrintStream log) {
        InputCheck.requireDataset(network, data, "fit");
        Dataset train = data;
        Dataset validation = options.validation();
        if (options.validationSplit() > 0 && options.validation() != null) {
            // Keras lets validation_data silently override validation_split; one of them is a mistake.
            throw new IllegalArgumentException("fit: both validation data (" + options.validation().name()
                    + ") and validationSplit(" + options.validationSplit() + ") are set; keep one");
        }
        if (options.validationSplit() > 0) {
            // Keras holds out the last samples, before any shuffling.
            int split = (int) (data.size() * (1 - options.validationSplit()));
            train = data.slice(0, split);
            validation = data.slice(split, data.size());
        }
        InputCheck.requireDataset(network, train, "fit");
        if (validation != null) {
            InputCheck.requireDataset(network, validation, "fit's validation data");
        }
        if (network.needsAdapting()) {
            // Keras leaves adapt to the user; measuring here, on the training part only, keeps
            // validation samples out of the statistics without a step one could forget.
            network.adapt(train);
            if (options.verbose() > 0) {
                log.println("Normalization: mean and variance measured on the " + train.size() + " training samples");
            }
        }
        Batches batches = new Batches(network, train, TrainingWeights.of(network, train, options));
        History history = new History();
        Run run = new Run(network);
        options.callbacks().forEach(c -> c.onTrainBegin(run));
        try (BatchFeed feed = new BatchFeed(batches, train.size(), options.batchSize(), options.prefetch());
             ThreadTuner threads = ThreadTuner.start(options)) {
            epochs(network, train, validation, options, log, feed, threads, history, run);
        }
        return finish(options, history, run);
    }

    private static void epochs(Network network, Dataset train, Dataset validation, FitOptions options, PrintStream log,
                               BatchFeed feed, ThreadTuner threads, History history, Run run) {
        int steps = (train.size() + options.batchSize() - 1) / options.batchSize();
        for (int epoch = options.initialEpoch(); epoch < options.epochs() && !run.stopped(); epoch++) {
            long start = System.nanoTime();
            for (Callback callback : options.callbacks()) {
                callback.onEpochBegin(run, epoch);
            }
            EpochProgress progress = EpochProgress.of(options.verbose(), epoch, options.epochs(), steps, log);
            int[] order = BatchOrder.forEpoch(train.size(), options.shuffle(), options.seed(), epoch);
            MetricTotals totals = new MetricTotals(network, classNames(train));
            feed.epoch(order);
            for (int step = 0; step < steps && !run.stopped(); step++) {
                for (Callback callback : options.callbacks()) {
                    callback.onBatchBegin(run, step);
                }
                Batches.Batch batch = feed.batch(step);
                INDArray labels = batch.labels();
                INDArray weights = batch.weights();
                options.learningRate().ifPresent(schedule -> scheduleStep(network.optimizer(), schedule));
                // The loss of the weights the step's forward pass used, the penalty included, as Keras
                // reports the loss it differentiated: the penalty is taken before the step changes them.
                double penalty = network.regularizationLoss();
                long stepStart = System.nanoTime();
                INDArray outputs = network.trainBatch(batch.features(), labels, weights);
                threads.stepTook(System.nanoTime() - stepStart);
                double batchLoss = network.dataLoss(outputs, labels, weights) + penalty;
                totals.add(outputs, labels, batchLoss);
                Map<String, Double> running = withLearningRate(totals.runningLogs(), network, options);
                progress.step(step + 1, running);
                Map<String, Double> batchLogs = new LinkedHashMap<>(running);
                batchLogs.put("batch_loss", batchLoss);
                for (Callback callback : options.callbacks()) {
                    callback.onBatchEnd(run, step, batchLogs);
                }
                if (!Double.isFinite(batchLoss)) {
                    if (run.stopped()) {
                        break; // a callback (TerminateOnNaN) chose to stop quietly
                    }
                    throw new IllegalStateException("Training stopped in epoch " + (epoch + 1) + ", batch "
                            + (step + 1) + ": the loss is " + batchLoss + ". Lower the learning rate, or check "
                            + train.name() + " for NaN or infinite values.");
                }
            }
            Map<String, Double> logs = withLearningRate(totals.logs(), network, options);
            if (validation != null) {
                Evaluation evaluation = network.evaluate(validation);
                logs.put("val_loss", evaluation.loss());
                evaluation.metrics().forEach((name, value) -> logs.put("val_" + name, value));
            }
            history.add(logs);
            progress.end(logs, System.nanoTime() - start);
            for (Callback callback : options.callbacks()) {
                callback.onEpochEnd(run, epoch, logs);
            }
        }
    }

    private static History finish(FitOptions options, History history, Run run) {
        options.callbacks().forEach(c -> c.onTrainEnd(run, history));
        return history;
    }

    /** Sets the rate of the optimizer's next step from {@code schedule}, by the steps taken before it. */
    private static void scheduleStep(Optimizer optimizer, LearningRateSchedule schedule) {
        long step = optimizer.iterations();
        double rate = schedule.rate(step);
        try {
            optimizer.learningRate(rate);
        } catch (IllegalArgumentException e) {
            // The optimizer's check is the rule; this says which step of which schedule broke it.
            throw new IllegalStateException("The learning-rate schedule gave " + rate + " for step " + step
                    + "; a rate must be finite and at least 0.", e);
        }
    }

    /**
     * {@code logs} with the optimizer's current rate as {@code learning_rate} if a schedule or a callback
     * ({@link Callback#setsLearningRate()}) sets it, as Keras' LearningRateScheduler and ReduceLROnPlateau
     * log it: in every epoch's logs, so History and CsvLogger have it for every epoch.
     */
    private static Map<String, Double> withLearningRate(Map<String, Double> logs, Network network, FitOptions options) {
        if (options.learningRate().isPresent() || options.callbacks().stream().anyMatch(Callback::setsLearningRate)) {
            logs.put("learning_rate", network.optimizer().learningRate());
        }
        return logs;
    }

    /** The state of one fit that callbacks see. */
    private static final class Run implements Callback.Training {
        private final Network network;
        private boolean stopped;

        Run(Network network) {
            this.network = network;
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public boolean stopped() {
            return stopped;
        }

        @Override
        public Network network() {
            return network;
        }
    }

    /**
     * {@code fit} on arrays, as Keras' {@code fit(x, y)}: features (samples, input shape...) and labels,
     * one-hot (samples, classes) for categorical crossentropy or class indices (samples) for the
     * sparse loss.
     *
     * @throws IllegalArgumentException naming the expected and received shapes, before any training
     */
    static History fit(Network network, INDArray features, INDArray labels, FitOptions options) {
        return fit(network, ArrayData.of(network, features, labels, "fit"), options);
    }

    /** {@code evaluate} on arrays, with the label conventions of {@link #fit(Network, INDArray, INDArray, FitOptions)}. */
    static Evaluation evaluate(Network network, INDArray features, INDArray labels) {
        return evaluate(network, ArrayData.of(network, features, labels, "evaluate"));
    }

    static Evaluation evaluate(Network network, Dataset data) {
        InputCheck.requireDataset(network, data, "evaluate");
        Batches batches = new Batches(network, data);
        MetricTotals totals = new MetricTotals(network, classNames(data));
        for (int from = 0; from < data.size(); from += INFERENCE_BATCH) {
            int to = Math.min(data.size(), from + INFERENCE_BATCH);
            INDArray labels = batches.labelRange(from, to);
            INDArray outputs = network.output(batches.featureRange(from, to));
            totals.add(outputs, labels, network.loss(outputs, labels, batches.weightRange(from, to)));
        }
        Map<String, Double> logs = totals.logs();
        double loss = logs.remove("loss");
        return new Evaluation(loss, logs, totals.confusionMatrix());
    }

    /** The names of {@code data}'s classes, or null for a dataset of targets. */
    private static List<String> classNames(Dataset data) {
        return data.hasClassLabels() ? data.classNames() : null;
    }

    /** The network's outputs (samples, units) for {@code features} (samples, input shape...). */
    static INDArray predict(Network network, INDArray features) {
        InputCheck.requireFeatures(network, features, "predict");
        long samples = features.size(0);
        if (samples > 0 && samples <= INFERENCE_BATCH) {
            // One batch, as a service's requests come: its output copied once. Most of a batch-1 call's
            // time is ND4J's cost per call, and a result array, row views and a copy into it cost more.
            return network.output(InputCheck.typed(network, features)).dup();
        }
        INDArray all = Nd4j.create(network.dataType(), samples, network.units());
        INDArray flat = InputCheck.typed(network, features).reshape('c', samples, network.inputShape().size());
        for (long from = 0; from < samples; from += INFERENCE_BATCH) {
            long to = Math.min(samples, from + INFERENCE_BATCH);
            INDArray batch = flat.get(NDArrayIndex.interval(from, to))
                    .reshape('c', network.inputShape().withBatch(to - from));
            all.get(NDArrayIndex.interval(from, to)).assign(network.output(batch));
        }
        return all;
    }

    /**
     * The network's outputs (samples, units) for {@code data}'s features, read by batch: an array's
     * batches are views of it (as {@link #predict(Network, INDArray)}), a mapped file's are copied
     * into one batch array, so features larger than the memory can be predicted.
     */
    static INDArray predict(Network network, Dataset data) {
        if (!network.inputShape().equals(data.sampleShape())) {
            throw new IllegalArgumentException("predict: " + network.modelName() + " takes samples of "
                    + network.inputShape() + " but " + data.name() + " has samples of " + data.sampleShape());
        }
        FeatureRows rows = data.featureRows(network.dataType());
        int samples = data.size();
        INDArray all = Nd4j.create(network.dataType(), samples, network.units());
        INDArray batch = null;
        ByteBuffer batchBytes = null;
        for (int from = 0; from < samples; from += INFERENCE_BATCH) {
            int to = Math.min(samples, from + INFERENCE_BATCH);
            INDArray flat = rows.view(from, to);
            if (flat == null) {
                if (batch == null) {
                    batch = Nd4j.create(network.dataType(), Math.min(samples, INFERENCE_BATCH), rows.rowLength());
                    batchBytes = HostMemory.holds(batch) ? HostMemory.bytes(batch) : null;
                }
                rows.copy(IntStream.range(from, to).toArray(), batch, batchBytes);
                flat = Buffers.rows(batch, to - from);
            }
            INDArray input = Buffers.reshape(flat, network.inputShape().withBatch(to - from));
            all.get(NDArrayIndex.interval(from, to)).assign(network.output(input));
        }
        return all;
    }
}
