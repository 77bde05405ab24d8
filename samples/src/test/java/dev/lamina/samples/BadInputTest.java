package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.training.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Arrays of the wrong shape are refused before any computation, with both shapes in the message. */
class BadInputTest {
    private final MnistMlpNetwork mlp = MnistMlpNetwork.create(1);
    private final FashionCnnNetwork sparse = FashionCnnNetwork.create(1);

    @Test
    void predictRefusesTheWrongSampleShape() {
        assertMessage(() -> mlp.predict(Nd4j.rand(DataType.FLOAT, 5, 784)),
                "predict: MnistMlp takes features of shape (batch, 28, 28) but received (5, 784)");
        assertMessage(() -> mlp.predict(Nd4j.rand(DataType.FLOAT, 28, 28)),
                "predict: MnistMlp takes features of shape (batch, 28, 28) but received (28, 28)");
    }

    @Test
    void fitAndEvaluateRefuseLabelsOfTheWrongShape() {
        INDArray images = Nd4j.rand(DataType.FLOAT, 6, 28, 28);
        assertMessage(() -> mlp.fit(images, Nd4j.zeros(DataType.FLOAT, 6), FitOptions.defaults()),
                "fit: MnistMlp's loss (categorical crossentropy) takes one-hot labels of shape (6, 10) for 6 samples, but received (6)");
        assertMessage(() -> sparse.evaluate(images, Nd4j.zeros(DataType.FLOAT, 6, 10)),
                "evaluate: FashionCnn's loss (sparse categorical crossentropy) takes class indices of shape (6) for 6 samples, but received (6, 10)");
        assertMessage(() -> sparse.fit(images, Nd4j.createFromArray(0f, 1f, 2f, 3f, 4f, 10f), FitOptions.defaults()),
                "label 10 of sample 5 is outside the 10 classes");
        assertMessage(() -> mlp.fit(Nd4j.rand(DataType.FLOAT, 6, 28, 27), Nd4j.zeros(DataType.FLOAT, 6, 10), FitOptions.defaults()),
                "fit: MnistMlp takes features of shape (batch, 28, 28) but received (6, 28, 27)");
    }

    @Test
    void datasetsOfAnotherShapeOrClassCountAreRefused() {
        Dataset flat = Dataset.of("flat digits", Nd4j.rand(DataType.FLOAT, 4, 784), new int[] {0, 1, 2, 3}, 10);
        assertMessage(() -> mlp.evaluate(flat), "evaluate: MnistMlp takes samples of (28, 28) but flat digits has samples of (784)");
        Dataset nine = Dataset.of("nine classes", Nd4j.rand(DataType.FLOAT, 4, 28, 28), new int[] {0, 1, 2, 3}, 9);
        assertMessage(() -> mlp.fit(nine, FitOptions.defaults()), "fit: MnistMlp has 10 classes but nine classes has 9");
    }

    @Test
    void aNanLossStopsTrainingWithAClearMessage() {
        INDArray images = Nd4j.rand(DataType.FLOAT, 64, 28, 28);
        images.putScalar(new long[] {40, 3, 3}, Float.NaN);
        int[] labels = new int[64];
        Dataset poisoned = Dataset.of("poisoned digits", images, labels, 10);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> mlp.fit(poisoned, FitOptions.defaults().batchSize(32).shuffle(false).verbose(0)));
        assertTrue(e.getMessage().contains("Training stopped in epoch 1, batch 2: the loss is NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("check poisoned digits for NaN or infinite values"), e.getMessage());
    }

    private static void assertMessage(Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
