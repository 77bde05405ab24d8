package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.runtime.data.DataDirectory;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.SklearnDatasets;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.Evaluation;
import dev.lamina.runtime.training.FitOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The breast-cancer sample end to end on scikit-learn's real table: its model, its stratified 80/20
 * split and its settings (60 epochs, batch 32, seed 42) reach what a Keras run of the same model
 * reaches. Skipped when the data is not on this machine (scripts/fetch-data.sh fetches it).
 */
class BreastCancerTrainingTest {
    @Test
    @Timeout(120)
    void theSampleReaches96PercentTestAccuracyAndAnAucAbove098() throws Exception {
        Path file = DataDirectory.get().resolve(SklearnDatasets.FOLDER).resolve("breast_cancer.csv");
        assumeTrue(Files.isRegularFile(file), file + " is absent; run scripts/fetch-data.sh to test the sample on it");
        Sample sample = Sample.BREAST_CANCER;
        Dataset.Split split = sample.data.load();
        assertEquals(455, split.train().size());
        assertEquals(114, split.test().size());
        AbstractNetwork network = sample.network.apply(42);
        assertTrue(network.needsAdapting());
        network.fit(split.train(), FitOptions.epochs(sample.epochs).batchSize(sample.batchSize).seed(42).verbose(0));
        assertEquals(60, sample.epochs);
        assertEquals(32, sample.batchSize);
        assertTrue(!network.needsAdapting(), "fit measured the Normalization's statistics");
        Evaluation test = network.evaluate(split.test());
        System.out.println("breast-cancer test: " + test);
        assertTrue(test.accuracy() >= 0.96, "test accuracy: " + test);
        assertTrue(test.metrics().get("auc") > 0.98, "test AUC: " + test);
    }
}
