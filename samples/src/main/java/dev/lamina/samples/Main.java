package dev.lamina.samples;

import dev.lamina.runtime.data.DataDirectory;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.training.Evaluation;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.runtime.training.History;
import dev.lamina.runtime.training.Network;
import dev.lamina.runtime.training.TrainingLoop;
import dev.lamina.runtime.checkpoint.Checkpoint;
import dev.lamina.runtime.plots.HistoryChart;
import dev.lamina.runtime.plots.PredictionGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Trains a reference model and prints its test accuracy:
 * {@code Main <sample> [--epochs N] [--batch-size N] [--seed N] [--output DIR]}; writes the history (CSV and
 * chart), a grid of test predictions and the trained network to DIR, by default {@code runs/<sample>}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args, PrintStream out) throws IOException {
        if (args.length == 0 || args[0].equals("--help")) {
            out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        Sample sample = Sample.byId(args[0]);
        int epochs = sample.epochs;
        int batchSize = sample.batchSize;
        long seed = 42;
        Path output = null;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (flag.isBlank()) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--epochs" -> epochs = positive(flag, value);
                case "--batch-size" -> batchSize = positive(flag, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--output" -> output = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }

        if (output == null) {
            output = Path.of("runs", sample.id);
        }
        out.println(sample.id + ": " + sample.description);
        out.println("Data directory: " + DataDirectory.get());
        Dataset train = sample.data.train();
        Dataset test = sample.data.test();
        out.println("Train: " + train + "; test: " + test);
        Network network = sample.network.apply(seed);
        network.summary();

        FitOptions options = FitOptions.epochs(epochs).batchSize(batchSize).seed(seed);
        if (sample.validateOnTest) {
            options = options.validation(test);
        }
        if (sample.stopAtAccuracy > 0) {
            options = options.callbacks(new StopAtAccuracy(sample.stopAtAccuracy, out));
        }
        long start = System.nanoTime();
        History history = TrainingLoop.fit(network, train, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation evaluation = TrainingLoop.evaluate(network, test);
        out.printf(Locale.ROOT, "Trained %d epochs in %.1f s (%.1f s per epoch)%n", history.epochs(), seconds,
                seconds / history.epochs());
        out.printf(Locale.ROOT, "Test loss: %.4f%nTest accuracy: %.4f%n", evaluation.loss(), evaluation.accuracy());
        writeOutputs(network, history, test, sample, output, out);
        return 0;
    }

    /** The history as CSV and chart, a grid of test predictions and the trained network, in {@code folder}. */
    private static void writeOutputs(Network network, History history, Dataset test, Sample sample, Path folder,
                                     PrintStream out) throws IOException {
        Files.createDirectories(folder);
        history.writeCsv(folder.resolve("history.csv"));
        HistoryChart.save(history, folder.resolve("history.png"));
        Dataset shown = test.slice(0, 25);
        PredictionGrid.save(shown.features(), shown.labels(), TrainingLoop.predict(network, shown.features()),
                sample.data.classNames(), 5, 5, folder.resolve("predictions.png"));
        Checkpoint.save(network, folder.resolve("model.lamina"), history.epochs());
        out.println("Wrote history.csv, history.png, predictions.png and model.lamina to " + folder);
    }

    private static int positive(String flag, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(flag + " must be positive but is " + n);
        }
        return n;
    }

    private static String usage() {
        return "usage: Main <sample> [--epochs N] [--batch-size N] [--seed N] [--output DIR]\nsamples: " + Sample.ids();
    }
}
