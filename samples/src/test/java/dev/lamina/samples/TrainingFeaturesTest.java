package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Shape;
import dev.lamina.runtime.callbacks.CsvLogger;
import dev.lamina.runtime.callbacks.EarlyStopping;
import dev.lamina.runtime.callbacks.Mode;
import dev.lamina.runtime.callbacks.TerminateOnNaN;
import dev.lamina.runtime.checkpoint.Checkpoint;
import dev.lamina.runtime.checkpoint.CheckpointException;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.plots.HistoryChart;
import dev.lamina.runtime.plots.PredictionGrid;
import dev.lamina.runtime.training.Callback;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.runtime.training.History;
import dev.lamina.runtime.training.Network;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** fit's Keras conveniences on real generated networks: callbacks, validation, seeds, checkpoints, files. */
class TrainingFeaturesTest {
    @TempDir
    Path dir;

    /** Random images of 28x28 with labels that depend on them, so a network can learn something. */
    private static Dataset digits(int samples, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray images = Nd4j.rand(DataType.FLOAT, samples, 28, 28);
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            labels[i] = (int) (images.getDouble(i, 14, 14) * 10) % 10;
        }
        return Dataset.of("random digits", images, labels, 10);
    }

    private static FitOptions quiet() {
        return FitOptions.defaults().verbose(0);
    }

    private static List<INDArray> weights(Network network) {
        return network.parameters().stream().map(p -> p.value().dup()).toList();
    }

    @Test
    void earlyStoppingStopsOnThePatienceThEpochWithoutImprovementAndRestoresTheBest() {
        Network network = MnistMlpNetwork.create(1);
        EarlyStopping stopping = new EarlyStopping("val_loss", 0.01, 2, Mode.AUTO, true);
        double[] valLosses = {1.0, 0.8, 0.795, 0.85, 0.7};
        boolean[] stopped = {false};
        Callback.Training training = new Callback.Training() {
            @Override
            public void stop() {
                stopped[0] = true;
            }

            @Override
            public boolean stopped() {
                return stopped[0];
            }

            @Override
            public Network network() {
                return network;
            }
        };
        stopping.onTrainBegin(training);
        int epoch = 0;
        for (; epoch < valLosses.length && !stopped[0]; epoch++) {
            // Mark the weights with the epoch, to see which epoch's weights come back.
            network.parameters().get(0).value().putScalar(0, 100 + epoch);
            stopping.onEpochEnd(training, epoch, Map.of("val_loss", valLosses[epoch]));
        }
        // 0.795 is not 0.01 better than 0.8: epochs 2 and 3 do not improve, and patience 2 stops at 3.
        assertEquals(4, epoch, "epochs run");
        assertEquals(3, stopping.stoppedEpoch());
        assertEquals(1, stopping.bestEpoch());
        assertEquals(101.0, network.parameters().get(0).value().getDouble(0), "epoch 1's weights are restored");
    }

    @Test
    void aCallbackThatStopsAfterTheSecondEpochEndsFitThere() {
        MnistMlpNetwork network = MnistMlpNetwork.create(2);
        List<Integer> begun = new ArrayList<>();
        Callback stopAfterTwo = new Callback() {
            @Override
            public void onEpochBegin(Training training, int epoch) {
                begun.add(epoch);
            }

            @Override
            public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
                if (epoch == 1) {
                    training.stop();
                }
            }
        };
        History history = network.fit(digits(64, 1),
                quiet().withEpochs(5).batchSize(16).callbacks(stopAfterTwo));
        assertEquals(2, history.epochs());
        assertEquals(List.of(0, 1), begun);
    }

    @Test
    void validationSplitHoldsOutTheLastSamples() {
        Dataset data = digits(100, 2);
        MnistMlpNetwork network = MnistMlpNetwork.create(3);
        History history = network.fit(data, quiet().validationSplit(0.2).batchSize(10));
        // Keras' rule: the last 20% before shuffling; the weights after the epoch give the same numbers.
        assertEquals(network.evaluate(data.slice(80, 100)).loss(), history.last("val_loss"), 1e-6);
        assertEquals(network.evaluate(data.slice(80, 100)).accuracy(), history.last("val_accuracy"), 1e-9);
    }

    @Test
    void theSameSeedGivesBitIdenticalWeightsAndAnotherSeedOrNoShuffleDoes() {
        Dataset data = digits(200, 3);
        List<INDArray> first = trained(data, quiet().batchSize(32).seed(7));
        List<INDArray> again = trained(data, quiet().batchSize(32).seed(7));
        List<INDArray> otherSeed = trained(data, quiet().batchSize(32).seed(8));
        List<INDArray> unshuffled = trained(data, quiet().batchSize(32).shuffle(false));
        assertEquals(first, again, "bit-identical with the same seed");
        assertNotEquals(first, otherSeed);
        assertNotEquals(first, unshuffled);
    }

    private static List<INDArray> trained(Dataset data, FitOptions options) {
        MnistMlpNetwork network = MnistMlpNetwork.create(11);
        network.fit(data, options);
        return weights(network);
    }

    @Test
    void aSavedNetworkLoadsWithIdenticalPredictions() throws Exception {
        Dataset data = digits(64, 4);
        MnistMlpNetwork network = MnistMlpNetwork.create(5);
        network.fit(data, quiet().batchSize(16));
        Path file = dir.resolve("mlp.lamina");
        network.save(file);
        MnistMlpNetwork loaded = MnistMlpNetwork.load(file);
        assertEquals(network.predict(data.features()), loaded.predict(data.features()));
        assertEquals(network.optimizer().iterations(), loaded.optimizer().iterations());
        assertEquals(network.optimizer().state(), loaded.optimizer().state());
    }

    @Test
    void resumingFromACheckpointEqualsTrainingWithoutInterruption() throws Exception {
        Dataset data = digits(300, 5);
        FitOptions options = quiet().batchSize(32).seed(3);
        MnistMlpNetwork uninterrupted = MnistMlpNetwork.create(6);
        uninterrupted.fit(data, options.withEpochs(3));

        MnistMlpNetwork interrupted = MnistMlpNetwork.create(6);
        interrupted.fit(data, options.withEpochs(1));
        Path file = dir.resolve("after-epoch-1.lamina");
        Checkpoint.save(interrupted, file, 1);
        MnistMlpNetwork resumed = MnistMlpNetwork.load(file);
        assertEquals(1, Checkpoint.read(file).epochs());
        resumed.fit(data, options.withEpochs(3).initialEpoch(1));
        assertEquals(weights(uninterrupted), weights(resumed), "bit-identical weights");
    }

    /**
     * The learning rate of the next step is saved (ReduceLROnPlateau may have lowered it, and Keras
     * saves it too); a file of version 1, which did not keep it, loads with the model's rate.
     */
    @Test
    void aCheckpointKeepsTheLearningRateAndOneOfVersion1TheModels() throws Exception {
        MnistMlpNetwork network = MnistMlpNetwork.create(8);
        double declared = network.optimizer().learningRate();
        network.optimizer().learningRate(1.25e-4);
        Path file = dir.resolve("lowered.lamina");
        network.save(file);
        assertEquals(1.25e-4, Checkpoint.read(file).learningRate());
        assertEquals(1.25e-4, MnistMlpNetwork.load(file).optimizer().learningRate());

        Path old = dir.resolve("version1.lamina");
        Files.write(old, version1(Files.readAllBytes(file), network.optimizer().getClass().getSimpleName()));
        assertTrue(Double.isNaN(Checkpoint.read(old).learningRate()));
        MnistMlpNetwork loaded = MnistMlpNetwork.load(old);
        assertEquals(declared, loaded.optimizer().learningRate());
        assertEquals(weights(network), weights(loaded));
    }

    /**
     * A version 2 checkpoint of a network without class names as version 1 wrote it: its magic's last
     * byte 1, without the count of class names (0) and the learning rate, its length and CRC to match.
     */
    private static byte[] version1(byte[] version2, String optimizer) throws IOException {
        // The count of names follows the epochs: read the fields before it as Checkpoint writes them.
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(version2, 16, version2.length - 16));
        in.readUTF();
        in.skipBytes(4 * in.readInt());
        in.readInt();
        in.readUTF();
        in.readInt();
        int names = version2.length - in.available();
        // The rate follows the optimizer's name (a UTF: its length in two bytes, then the name) and its iterations.
        byte[] name = ("\0" + (char) optimizer.length() + optimizer).getBytes(StandardCharsets.ISO_8859_1);
        int rate = -1;
        for (int i = version2.length - name.length; i >= 0 && rate < 0; i--) {
            if (Arrays.equals(Arrays.copyOfRange(version2, i, i + name.length), name)) {
                rate = i + name.length + Long.BYTES;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(version2, 0, names);
        out.write(version2, names + Integer.BYTES, rate - names - Integer.BYTES);
        out.write(version2, rate + Double.BYTES, version2.length - rate - Double.BYTES - Long.BYTES);
        byte[] content = out.toByteArray();
        content[7] = 1;
        ByteBuffer.wrap(content).putLong(8, content.length + Long.BYTES);
        CRC32 crc = new CRC32();
        crc.update(content);
        return ByteBuffer.allocate(content.length + Long.BYTES).put(content).putLong(crc.getValue()).array();
    }

    @Test
    void filesFromAnotherModelTruncatedOrDamagedAreRefused() throws Exception {
        Path file = dir.resolve("mlp.lamina");
        MnistMlpNetwork.create(7).save(file);
        byte[] bytes = Files.readAllBytes(file);

        CheckpointException other = assertThrows(CheckpointException.class, () -> MnistCnnNetwork.load(file));
        assertTrue(other.getMessage().contains("does not fit MnistCnn: it was saved from model MnistMlp"), other.getMessage());

        Path truncated = dir.resolve("truncated.lamina");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        CheckpointException cut = assertThrows(CheckpointException.class, () -> MnistMlpNetwork.load(truncated));
        assertTrue(cut.getMessage().startsWith(truncated.toString()) && cut.getMessage().contains("truncated"), cut.getMessage());

        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            byte[] flipped = bytes.clone();
            int at = 8 + random.nextInt(bytes.length - 8);
            flipped[at] ^= (byte) (1 << random.nextInt(8));
            Path damaged = dir.resolve("damaged" + i + ".lamina");
            Files.write(damaged, flipped);
            CheckpointException e = assertThrows(CheckpointException.class, () -> MnistMlpNetwork.load(damaged));
            assertTrue(e.getMessage().contains("corrupted") || e.getMessage().contains("truncated"), e.getMessage());
        }
        Path notOurs = Files.writeString(dir.resolve("notes.txt"), "hello, these are not weights at all");
        assertTrue(assertThrows(CheckpointException.class, () -> MnistMlpNetwork.load(notOurs)).getMessage()
                .contains("not a Lamina checkpoint"));
    }

    @Test
    void killingTheProcessWhileItSavesLeavesTheLastCheckpointLoadable() throws Exception {
        Path file = dir.resolve("checkpoint.lamina");
        MnistMlpNetwork.create(8).save(file);
        for (int round = 0; round < 3; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), file.toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            String line;
            int saves = 0;
            while ((line = out.readLine()) != null && saves < 2 + round) {
                if (line.startsWith("saved")) {
                    saves++;
                }
            }
            assertEquals(2 + round, saves, "the child saved before it was killed");
            // Each save of the 1.6 MB network takes milliseconds: kill it in the middle of another.
            Thread.sleep(3 + round * 7);
            child.destroyForcibly().waitFor();
            MnistMlpNetwork loaded = MnistMlpNetwork.load(file);
            assertEquals(Shape.of(28, 28), loaded.inputShape());
        }
    }

    @Test
    void historyCsvChartAndPredictionGridAreWritten() throws Exception {
        Dataset data = digits(96, 6);
        MnistMlpNetwork network = MnistMlpNetwork.create(9);
        Path log = dir.resolve("log.csv");
        History history = network.fit(data.slice(0, 64), quiet().withEpochs(3).batchSize(16)
                .validation(data.slice(64, 96)).callbacks(new CsvLogger(log)));

        Path csv = dir.resolve("history.csv");
        history.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,loss,accuracy,val_loss,val_accuracy", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(3).startsWith("3," + history.last("loss")), lines.get(3));
        assertEquals(4, Files.readAllLines(log).size(), "CsvLogger: a header and a row per epoch");

        Path chart = dir.resolve("history.png");
        HistoryChart.save(history, chart);
        BufferedImage image = ImageIO.read(chart.toFile());
        assertEquals(2 * HistoryChart.WIDTH, image.getWidth());
        assertEquals(HistoryChart.HEIGHT, image.getHeight());

        Path grid = dir.resolve("predictions.png");
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        PredictionGrid.save(data.features(), data.labels(), network.predict(data.features()), names, 3, 4, grid);
        BufferedImage picture = ImageIO.read(grid.toFile());
        assertTrue(picture.getWidth() > 4 * 28 * 3 && picture.getHeight() > 3 * 28 * 3,
                picture.getWidth() + "x" + picture.getHeight());
    }

    @Test
    void terminateOnNanStopsQuietlyAtTheBadBatch() {
        INDArray images = Nd4j.rand(DataType.FLOAT, 64, 28, 28);
        images.putScalar(new long[] {20, 1, 1}, Float.NaN);
        Dataset poisoned = Dataset.of("poisoned", images, new int[64], 10);
        java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
        History history = MnistMlpNetwork.create(10).fit(poisoned, quiet().withEpochs(3).batchSize(16).shuffle(false)
                .callbacks(new TerminateOnNaN(new java.io.PrintStream(messages, true))));
        assertEquals(1, history.epochs());
        assertTrue(messages.toString().contains("Batch 1: invalid loss NaN, terminating training"), messages.toString());
    }
}
