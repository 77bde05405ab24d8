package dev.lamina.samples;

import dev.lamina.runtime.data.DataDirectory;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.training.Evaluation;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.runtime.training.History;
import dev.lamina.runtime.training.Network;
import dev.lamina.runtime.training.TrainingLoop;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Trains a reference model and prints its test accuracy:
 * {@code Main <sample> [--epochs N] [--batch-size N] [--seed N]}.
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
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
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
        return 0;
    }

    private static int positive(String flag, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(flag + " must be positive but is " + n);
        }
        return n;
    }

    private static String usage() {
        return "usage: Main <sample> [--epochs N] [--batch-size N] [--seed N]\nsamples: " + Sample.ids();
    }
}
