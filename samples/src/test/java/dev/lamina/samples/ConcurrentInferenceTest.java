package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Shape;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.Callback;
import dev.lamina.runtime.training.Evaluation;
import dev.lamina.runtime.training.FitOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One network called from many threads, as a service calls it: {@code predict} and {@code evaluate}
 * must give every thread what a lone caller gets, and predictions made while another thread trains
 * must come from the weights of one moment between two optimizer steps.
 */
class ConcurrentInferenceTest {
    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 60;
    /** Distinct inputs, of 1 to 40 images, so that a pass that reads another's arrays gives a wrong answer. */
    private static final int INPUTS = 24;
    /**
     * Two passes over the same input with the same weights sum in the same order but for what ND4J's
     * threads split differently when several passes run at once; a pass over another input's arrays
     * is wrong by far more (probabilities differ by 0.01 to 1).
     */
    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "cnn"})
    void predictFromManyThreadsGivesWhatOneCallerGets(String model) throws Exception {
        AbstractNetwork network = network(model).apply(11);
        Random random = new Random(5);
        List<INDArray> inputs = new ArrayList<>();
        List<INDArray> expected = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            INDArray input = images(1 + random.nextInt(40), random.nextLong());
            inputs.add(input);
            expected.add(network.predict(input));
        }
        List<String> wrong = inThreads(thread -> {
            Random order = new Random(thread);
            List<String> mistakes = new ArrayList<>();
            for (int call = 0; call < CALLS_PER_THREAD; call++) {
                int i = order.nextInt(INPUTS);
                INDArray actual = network.predict(inputs.get(i));
                if (!actual.equalsWithEps(expected.get(i), TOLERANCE)) {
                    mistakes.add("thread " + thread + ", call " + call + " on input " + i);
                }
            }
            return mistakes;
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void evaluateFromManyThreadsGivesWhatOneCallerGets() throws Exception {
        AbstractNetwork network = new MnistCnnNetwork(3, DataType.FLOAT);
        Random random = new Random(8);
        List<Dataset> data = new ArrayList<>();
        List<Evaluation> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int samples = 20 + random.nextInt(60);
            Dataset dataset = Dataset.of("random " + i, images(samples, random.nextLong()),
                    random.ints(samples, 0, 10).toArray(), 10);
            data.add(dataset);
            expected.add(network.evaluate(dataset));
        }
        List<String> wrong = inThreads(thread -> {
            List<String> mistakes = new ArrayList<>();
            for (int call = 0; call < 6; call++) {
                int i = (thread + call) % data.size();
                Evaluation actual = network.evaluate(data.get(i));
                if (Math.abs(actual.loss() - expected.get(i).loss()) > TOLERANCE
                        || actual.accuracy() != expected.get(i).accuracy()) {
                    mistakes.add("thread " + thread + " on " + data.get(i).name() + ": " + actual + " instead of "
                            + expected.get(i));
                }
            }
            return mistakes;
        });
        assertEquals(List.of(), wrong);
    }

    /**
     * Every prediction of a probe input made by other threads while one trains equals the prediction
     * of the weights after some step: none sees a step half done. With the weights' lock taken out,
     * the same run gave predictions that matched no step's.
     */
    /**
     * The MLP, and a network of BatchNormalization layers, whose moving statistics move after each
     * optimizer step and must be seen with the weights of the same step.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mlp", "normalized"})
    void predictionsDuringFitComeFromTheWeightsBetweenTwoSteps(String model) throws Exception {
        AbstractNetwork network = model.equals("mlp") ? new MnistMlpNetwork(9, DataType.FLOAT)
                : new TinyModels_NormalizedNetwork(9, DataType.FLOAT);
        INDArray probe = inputs(network, 16, 1);
        List<INDArray> afterEachStep = new CopyOnWriteArrayList<>(List.of(network.predict(probe)));
        Callback recordStep = new Callback() {
            @Override
            public void onBatchEnd(Training training, int batch, Map<String, Double> logs) {
                afterEachStep.add(network.predict(probe));
            }
        };
        Random random = new Random(4);
        int samples = 400 * 16;
        Dataset train = Dataset.of("random", inputs(network, samples, 2),
                random.ints(samples, 0, network.classes()).toArray(), network.classes());

        AtomicBoolean training = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<List<INDArray>>> seen = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            seen.add(readers.submit(() -> {
                List<INDArray> predictions = new ArrayList<>();
                started.countDown();
                while (training.get()) {
                    predictions.add(network.predict(probe));
                }
                return predictions;
            }));
        }
        started.await();
        try {
            network.fit(train, FitOptions.epochs(1).batchSize(16).verbose(0).callbacks(recordStep));
        } finally {
            training.set(false);
            readers.shutdown();
        }

        // A reader's predictions come in the order of the steps: each matches the step its
        // predecessor matched or a later one.
        List<float[]> steps = afterEachStep.stream().map(step -> step.ravel().toFloatVector()).toList();
        int checked = 0;
        int torn = 0;
        for (Future<List<INDArray>> reader : seen) {
            int step = 0;
            for (INDArray prediction : reader.get()) {
                checked++;
                float[] values = prediction.ravel().toFloatVector();
                int match = step;
                while (match < steps.size() && !close(steps.get(match), values)) {
                    match++;
                }
                if (match == steps.size()) {
                    torn++;
                } else {
                    step = match;
                }
            }
        }
        assertTrue(checked > 100, "the readers predicted only " + checked + " times while the network trained");
        assertEquals(0, torn, torn + " of " + checked + " predictions match the weights after no step");
    }

    @Test
    void aSecondThreadCannotTrainANetworkThatIsTraining() throws Exception {
        AbstractNetwork network = new MnistMlpNetwork(9, DataType.FLOAT);
        Random random = new Random(4);
        Dataset train = Dataset.of("random", images(640, 2), random.ints(640, 0, 10).toArray(), 10);
        CountDownLatch trainingStarted = new CountDownLatch(1);
        CountDownLatch secondTried = new CountDownLatch(1);
        Callback waitForSecond = new Callback() {
            @Override
            public void onBatchEnd(Training training, int batch, Map<String, Double> logs) {
                if (batch == 0) {
                    trainingStarted.countDown();
                    await(secondTried);
                }
            }
        };
        Thread first = new Thread(() -> network.fit(train, FitOptions.epochs(1).batchSize(64).verbose(0)
                .callbacks(waitForSecond)), "first trainer");
        first.start();
        trainingStarted.await();
        IllegalStateException refused;
        try {
            refused = assertThrows(IllegalStateException.class,
                    () -> network.fit(train, FitOptions.epochs(1).verbose(0)));
        } finally {
            secondTried.countDown();
            first.join();
        }
        assertEquals("MnistMlp is being trained in thread \"first trainer\": a network trains in one thread at a"
                + " time (predict and evaluate may run beside it)", refused.getMessage());
        // Once the first fit is over, another thread may train it.
        assertFalse(Double.isNaN(network.fit(train, FitOptions.epochs(1).verbose(0)).last("loss")));
    }

    private static boolean close(float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static LongFunction<AbstractNetwork> network(String model) {
        return model.equals("mlp") ? seed -> new MnistMlpNetwork(seed, DataType.FLOAT)
                : seed -> new MnistCnnNetwork(seed, DataType.FLOAT);
    }

    /** {@code count} random 28x28 images with pixels in [0, 1). */
    private static INDArray images(int count, long seed) {
        return inputs(Shape.of(28, 28), count, seed);
    }

    /** {@code count} random inputs of {@code network}, values in [0, 1). */
    private static INDArray inputs(AbstractNetwork network, int count, long seed) {
        return inputs(network.inputShape(), count, seed);
    }

    private static INDArray inputs(Shape shape, int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[Math.toIntExact(count * shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return Nd4j.create(values, shape.withBatch(count), DataType.FLOAT);
    }

    /** Runs {@code work} in {@value #THREADS} threads started together, and joins what they return. */
    private static List<String> inThreads(ThreadWork work) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<List<String>> task = () -> {
                ready.countDown();
                ready.await();
                return work.run(thread);
            };
            results.add(pool.submit(task));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        return all;
    }

    private interface ThreadWork {
        List<String> run(int thread) throws Exception;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
