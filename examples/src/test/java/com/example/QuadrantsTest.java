package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Shape;
import dev.lamina.runtime.training.FitOptions;
import org.junit.jupiter.api.Test;

/** The network Lamina generated for {@link Quadrants} is there, has the declared layers, and learns. */
class QuadrantsTest {
    @Test
    void generatedNetworkHasTheDeclaredLayers() {
        QuadrantsNetwork network = QuadrantsNetwork.create(42);
        assertEquals("Quadrants", network.modelName());
        assertEquals(Shape.of(2), network.inputShape());
        assertEquals(4, network.classes());
        String summary = network.summaryTable();
        assertTrue(summary.contains("hidden (Dense)"), summary);
        assertTrue(summary.contains("out (Dense)"), summary);
        // 2 x 16 + 16 and 16 x 4 + 4
        assertTrue(summary.contains("Total params: 116"), summary);
    }

    @Test
    void learnsTheQuadrants() {
        QuadrantsNetwork network = QuadrantsNetwork.create(42);
        network.fit(Main.points("train", 2000, 1), FitOptions.epochs(5).batchSize(32).verbose(0));
        double accuracy = network.evaluate(Main.points("test", 500, 2)).accuracy();
        assertTrue(accuracy >= Main.EXPECTED_ACCURACY, "test accuracy " + accuracy);
    }
}
