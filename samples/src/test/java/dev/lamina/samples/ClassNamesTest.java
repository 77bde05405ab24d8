package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.checkpoint.Checkpoint;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.training.FitOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A classifier keeps the class names of the data it trained on, saves them, and names its predictions. */
class ClassNamesTest {
    private static final List<String> IRIS = List.of("setosa", "versicolor", "virginica");

    @TempDir
    Path dir;

    private static INDArray features(int samples) {
        Nd4j.getRandom().setSeed(5);
        return Nd4j.rand(DataType.FLOAT, samples, 4, 3);
    }

    @Test
    void fitTakesTheDatasNamesAndALoadedNetworkNamesItsPredictionsAlike() throws Exception {
        TinyModels_ProbabilitiesNetwork network = TinyModels_ProbabilitiesNetwork.create(3);
        assertEquals(List.of("0", "1", "2"), network.classNames(), "numbers before any names");
        int[] labels = {0, 1, 2, 1, 0, 2, 2, 1};
        Dataset named = Dataset.of("flowers", features(8), labels, 3).withClassNames(IRIS);
        network.fit(named, FitOptions.epochs(1).verbose(0));
        assertEquals(IRIS, network.classNames());

        INDArray x = features(8);
        int[] predicted = network.predictClasses(x);
        assertArrayEquals(network.predict(x).argMax(1).toIntVector(), predicted);
        assertEquals(java.util.Arrays.stream(predicted).mapToObj(IRIS::get).toList(), network.predictClassNames(x));

        Path file = dir.resolve("flowers.lamina");
        network.save(file);
        assertEquals(IRIS, Checkpoint.read(file).classNames());
        TinyModels_ProbabilitiesNetwork loaded = TinyModels_ProbabilitiesNetwork.load(file);
        assertEquals(IRIS, loaded.classNames());
        assertEquals(network.predictClassNames(x), loaded.predictClassNames(x));

        // Data without names leaves the names as they are; numbers are not saved as names.
        loaded.fit(Dataset.of("unnamed", features(8), labels, 3), FitOptions.epochs(1).verbose(0));
        assertEquals(IRIS, loaded.classNames());
        TinyModels_ProbabilitiesNetwork numbered = TinyModels_ProbabilitiesNetwork.create(3);
        numbered.save(file);
        assertEquals(List.of(), Checkpoint.read(file).classNames());
    }

    @Test
    void namesAreOnePerClassAndDifferentAndOnlyForClassifiers() {
        TinyModels_ProbabilitiesNetwork network = TinyModels_ProbabilitiesNetwork.create(3);
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> network.classNames(List.of("a", "b")));
        assertTrue(few.getMessage().contains("has 3 classes"), few.getMessage());
        assertThrows(IllegalArgumentException.class, () -> network.classNames(List.of("a", "b", "a")));

        BreastCancerNetwork binary = BreastCancerNetwork.create(1);
        binary.classNames(List.of("malignant", "benign"));
        INDArray rows = Nd4j.rand(DataType.FLOAT, 6, 30).muli(20);
        double[] scores = binary.predict(rows).reshape(6).toDoubleVector();
        int[] classes = binary.predictClasses(rows);
        for (int i = 0; i < scores.length; i++) {
            assertEquals(scores[i] > 0.5 ? 1 : 0, classes[i], "one probability of class 1: above 0.5 is class 1");
        }
        assertEquals(List.of("malignant", "benign").get(classes[0]), binary.predictClassNames(rows).get(0));

        DiabetesNetwork regression = DiabetesNetwork.create(1);
        IllegalStateException numbers = assertThrows(IllegalStateException.class, regression::classNames);
        assertEquals("classNames: Diabetes predicts numbers, not one class of several", numbers.getMessage());
    }
}
