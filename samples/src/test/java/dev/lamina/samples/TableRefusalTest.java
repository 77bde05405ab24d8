package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.CsvOptions;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.Table;
import dev.lamina.runtime.data.TableReader;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.FitOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tables read from CSV files that do not fit the breast-cancer model (30 features, 2 classes, a
 * Normalization first) are refused by fit and evaluate with a message naming what is wrong, before
 * the Normalization measures anything or any step moves a weight.
 */
class TableRefusalTest {
    @TempDir
    Path dir;

    /** A CSV of {@code features} columns x0.. and a label column y of the given labels, 20 rows. */
    private Table table(int features, int[] labels) throws Exception {
        Random random = new Random(features);
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < features; j++) {
            csv.append('x').append(j).append(',');
        }
        csv.append("y\n");
        for (int label : labels) {
            for (int j = 0; j < features; j++) {
                csv.append(String.format(Locale.ROOT, "%.3f,", 10 * random.nextDouble()));
            }
            csv.append(label).append('\n');
        }
        Path file = Files.writeString(dir.resolve("t" + features + "-" + labels.length + ".csv"), csv);
        return TableReader.read(file, CsvOptions.defaults().label("y"));
    }

    private static int[] alternating(int classes) {
        int[] labels = new int[20];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % classes;
        }
        return labels;
    }

    private static List<INDArray> weights(AbstractNetwork network) {
        return network.parameters().stream().map(p -> p.value().dup()).toList();
    }

    private static void assertRefused(AbstractNetwork network, Executable call, String expected) {
        List<INDArray> before = weights(network);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "expected «" + expected + "» in «" + e.getMessage() + "»");
        assertEquals(before, weights(network), "nothing measured or trained");
        assertTrue(network.needsAdapting(), "the Normalization measured nothing");
    }

    @Test
    void aTableOf29ColumnsForAnInputOf30IsRefusedNamingBothShapes() throws Exception {
        BreastCancerNetwork network = new BreastCancerNetwork(1, DataType.FLOAT);
        Dataset narrow = table(29, alternating(2)).classDataset("narrow");
        FitOptions options = FitOptions.epochs(1).verbose(0);
        assertRefused(network, () -> network.fit(narrow, options),
                "fit: BreastCancer takes samples of (30) but narrow has samples of (29)");
        assertRefused(network, () -> network.fit(narrow, options.validationSplit(0.25)),
                "fit: BreastCancer takes samples of (30) but narrow has samples of (29)");
        assertRefused(network, () -> network.evaluate(narrow),
                "evaluate: BreastCancer takes samples of (30) but narrow has samples of (29)");
        assertRefused(network, () -> network.adapt(narrow),
                "adapt: BreastCancer takes samples of (30) but narrow has samples of (29)");
        assertRefused(network, () -> network.predict(narrow.features()),
                "predict: BreastCancer takes features of shape (batch, 30) but received (20, 29)");
        // The validation data is checked before the first step too.
        Dataset right = table(30, alternating(2)).classDataset("right");
        assertRefused(network, () -> network.fit(right, options.validation(narrow)),
                "fit's validation data: BreastCancer takes samples of (30) but narrow has samples of (29)");
    }

    @Test
    void labelsOutsideTheClassesAreRefused() throws Exception {
        BreastCancerNetwork network = new BreastCancerNetwork(1, DataType.FLOAT);
        Dataset three = table(30, alternating(3)).classDataset("three");
        assertRefused(network, () -> network.fit(three, FitOptions.epochs(1).verbose(0)),
                "fit: BreastCancer has 2 classes but three has 3");
        assertRefused(network, () -> network.evaluate(three), "evaluate: BreastCancer has 2 classes but three has 3");
        // As arrays: the label's value and sample are named.
        INDArray labels = three.features().getColumn(0).dup().assign(0);
        labels.putScalar(5, 2);
        assertRefused(network, () -> network.fit(three.features(), labels, FitOptions.epochs(1).verbose(0)),
                "label 2 of sample 5 is outside the 2 classes [0, 1]");
    }

    @Test
    void targetsForAClassifierAreRefused() throws Exception {
        BreastCancerNetwork network = new BreastCancerNetwork(1, DataType.FLOAT);
        Dataset numbers = table(30, alternating(2)).targetDataset("numbers");
        assertRefused(network, () -> network.fit(numbers, FitOptions.epochs(1).verbose(0)),
                "fit: BreastCancer predicts 2 classes but numbers has targets. Build it with"
                        + " Dataset.of(name, features, labels, classes).");
        assertRefused(network, () -> network.evaluate(numbers), "evaluate: BreastCancer predicts 2 classes but numbers"
                + " has targets.");
    }
}
