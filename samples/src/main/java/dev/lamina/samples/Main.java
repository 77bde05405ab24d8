package dev.lamina.samples;

import dev.lamina.runtime.checkpoint.Checkpoint;
import dev.lamina.runtime.data.DataDirectory;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.plots.AugmentationGrid;
import dev.lamina.runtime.plots.ConfusionMatrixChart;
import dev.lamina.runtime.plots.HistoryChart;
import dev.lamina.runtime.plots.PredictionGrid;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.Evaluation;
import dev.lamina.runtime.optimizers.LearningRateSchedule;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.runtime.training.History;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * The samples command: trains a reference model, prints its test accuracy and writes the history
 * (CSV and chart), a grid of test predictions and the trained network to a folder. {@code --help}
 * lists the options and the samples with their settings.
 */
@Command(name = "samples", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpWidth = 80,
        description = {"Trains a reference model on its dataset, prints its test loss and metrics, and writes "
                + "history.csv, history.png, predictions.png (images) or confusion.png (a table's classes) and "
                + "model.lamina."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the model was trained and its files written", "1:the data or the files could not be "
                + "read or written", "2:the command line is wrong"})
public final class Main implements Callable<Integer> {
    @Parameters(paramLabel = "SAMPLE", converter = SampleId.class,
            description = "the sample to train, one of those listed below")
    private Sample sample;

    @Option(names = "--epochs", paramLabel = "N", converter = PositiveInt.class,
            description = "epochs to train (default: the sample's, below)")
    private Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", converter = PositiveInt.class,
            description = "samples per batch (default: the sample's, below)")
    private Integer batchSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "seeds the initial weights and each epoch's shuffling (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--output", paramLabel = "DIR",
            description = "the folder for the files (default: runs/SAMPLE in the working directory, which "
                    + "scripts/train.sh makes the samples module)")
    private Path output;

    private final PrintStream out;

    private Main(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command as {@code main} does, printing to {@code out} and {@code err}; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine command = new CommandLine(new Main(out));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        // The samples come after the options, before the exit codes.
        List<String> sections = new ArrayList<>(command.getHelpSectionKeys());
        sections.add(sections.indexOf(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING), SampleTable.KEY);
        command.setHelpSectionKeys(sections);
        command.getHelpSectionMap().put(SampleTable.KEY, new SampleTable());
        CommandErrors errors = new CommandErrors();
        command.setParameterExceptionHandler(errors);
        command.setExecutionExceptionHandler(errors);
        return command.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        // Absolute, so that the folder printed at the end is where the files are: a relative one is
        // relative to where the command runs, which scripts/train.sh and mvn exec:exec make the samples
        // module, not the folder the user typed the command in. Normalized before it is created: a/b/../c
        // is a/c, as the shell's mkdir -p makes it, which the file system finds only if a/b exists.
        Path folder = (output != null ? output : Path.of("runs", sample.id)).toAbsolutePath().normalize();
        // Made first, so that a folder that cannot be made fails the run before training rather than after.
        Files.createDirectories(folder);
        out.println(sample.id + ": " + sample.description);
        out.println("Data directory: " + DataDirectory.get());
        Dataset.Split split = sample.data.load();
        Dataset train = split.train();
        Dataset test = split.test();
        out.println("Train: " + train + "; test: " + test);
        AbstractNetwork network = sample.network.apply(seed);
        network.summary();

        int runEpochs = epochs != null ? epochs : sample.epochs;
        int runBatchSize = batchSize != null ? batchSize : sample.batchSize;
        FitOptions options = FitOptions.epochs(runEpochs).batchSize(runBatchSize).seed(seed);
        if (sample.cosineDecay) {
            long steps = (long) runEpochs * ((train.size() + runBatchSize - 1) / runBatchSize);
            options = options.learningRate(LearningRateSchedule.cosineDecay(network.optimizer().learningRate(), steps));
        }
        if (sample.validateOnTest) {
            options = options.validation(test);
        }
        if (sample.stopAtAccuracy > 0) {
            options = options.callbacks(new StopAtAccuracy(sample.stopAtAccuracy, out));
        }
        long start = System.nanoTime();
        History history = network.fit(train, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation evaluation = network.evaluate(test);
        out.printf(Locale.ROOT, "Trained %d epoch%s in %.1f s (%.1f s per epoch)%n", history.epochs(),
                history.epochs() == 1 ? "" : "s", seconds, seconds / history.epochs());
        out.printf(Locale.ROOT, "Test loss: %.4f%n", evaluation.loss());
        evaluation.metrics().forEach((name, value) -> out.printf(Locale.ROOT, "Test %s: %.4f%n", name, value));
        if (sample.data == Sample.Data.DIABETES) {
            out.printf(Locale.ROOT, "Least-squares linear fit on the same split: test mae %.4f%n",
                    LeastSquares.fit(train).meanAbsoluteError(test));
        }
        writeOutputs(network, history, evaluation, test, folder);
        return 0;
    }

    /**
     * The history as CSV and chart, a grid of test predictions (images) or the test confusion matrix
     * (other classifiers), and the trained network, in {@code folder}.
     */
    private void writeOutputs(AbstractNetwork network, History history, Evaluation evaluation, Dataset test,
                              Path folder) throws IOException {
        history.writeCsv(folder.resolve("history.csv"));
        HistoryChart.save(history, folder.resolve("history.png"));
        String picture = null; // predictions.png or confusion.png
        if (sample.data.images()) {
            Dataset shown = test.slice(0, 25);
            picture = "predictions.png";
            PredictionGrid.save(shown.features(), shown.labels(), network.predict(shown.features()),
                    sample.data.classNames(), 5, 5, folder.resolve(picture));
        } else if (test.hasClassLabels()) {
            out.println("Test confusion matrix (rows: true class, columns: predicted):");
            out.println(evaluation.confusionMatrix());
            picture = "confusion.png";
            ConfusionMatrixChart.save(evaluation.confusionMatrix(), folder.resolve(picture));
        }
        if (sample == Sample.FASHION_CNN_AUGMENTED) {
            // Drawn by the network's own augmentation layers, as fit draws them.
            picture = picture + ", augmented.png";
            AugmentationGrid.save(network, test.slice(0, 6).features(), 6, 5, seed, folder.resolve("augmented.png"));
        }
        Checkpoint.save(network, folder.resolve("model.lamina"), history.epochs());
        out.println("Wrote history.csv, history.png" + (picture == null ? "" : ", " + picture) + " and model.lamina to "
                + folder);
    }

    /** A sample by its id; an unknown id is answered with the known ones. */
    static final class SampleId implements ITypeConverter<Sample> {
        @Override
        public Sample convert(String value) {
            try {
                return Sample.byId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Epochs and batch sizes: a whole number of at least 1, in picocli's words for a bad number. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not an int");
            }
            if (n < 1) {
                throw new TypeConversionException("'" + value + "' is not positive");
            }
            return n;
        }
    }
}
