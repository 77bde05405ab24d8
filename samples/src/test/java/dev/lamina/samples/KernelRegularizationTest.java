package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.OneHot;
import dev.lamina.runtime.optimizers.Parameter;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.runtime.training.History;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code kernelL2}, Keras' {@code kernel_regularizer=regularizers.L2(l2)}, on a generated network
 * ({@code TinyModels.Regularized}): the loss that fit reports and evaluate returns is the loss
 * function's plus {@code l2 · Σ kernel²} of each regularized kernel, as Keras 3's is (its
 * {@code compute_loss} adds the model's losses in train and test steps alike).
 */
class KernelRegularizationTest {
    /** Each regularized kernel's factor, as TinyModels.Regularized declares it. */
    private static final Map<String, Double> FACTORS = Map.of("conv/kernel", 0.05, "hidden/kernel", 0.1, "out/kernel", 0.01);
    private static final int SAMPLES = 8;

    /** The penalty of the network's weights now, computed here element by element. */
    private static double penalty(TinyModels_RegularizedNetwork network) {
        double total = 0;
        for (Parameter parameter : network.parameters()) {
            double l2 = FACTORS.getOrDefault(parameter.name(), 0.0);
            for (double value : parameter.value().dup().data().asDouble()) {
                total += l2 * value * value;
            }
        }
        return total;
    }

    private static Dataset data() {
        Nd4j.getRandom().setSeed(5);
        INDArray features = Nd4j.rand(DataType.DOUBLE, SAMPLES, 5, 5, 2);
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1};
        return Dataset.of("random images", features, labels, 3);
    }

    /**
     * Every kernel 0.1 and every bias 0: all logits are equal, so the crossentropy is ln 3 whatever
     * the input, and the penalty is 0.01 times 0.05 · 54 + 0.1 · 108 + 0.01 · 12 = 0.1362.
     */
    @Test
    void fitReportsTheLossFunctionPlusThePenaltyOfTheWeightsItsStepDifferentiated() {
        TinyModels_RegularizedNetwork network = new TinyModels_RegularizedNetwork(3, DataType.DOUBLE);
        for (Parameter parameter : network.parameters()) {
            parameter.value().assign(parameter.name().endsWith("/kernel") ? 0.1 : 0);
        }
        assertEquals(0.1362, penalty(network), 1e-12);
        assertEquals(0.1362, network.regularizationLoss(), 1e-12);

        // One batch of every sample: the epoch's loss is that batch's, before the optimizer's step.
        History history = network.fit(data(), FitOptions.epochs(1).batchSize(SAMPLES).verbose(0));
        assertEquals(Math.log(3) + 0.1362, history.last("loss"), 1e-12);
        assertNotEquals(0.1362, network.regularizationLoss(), 1e-6, "the step moved the kernels");
    }

    @Test
    void evaluateAndValLossAddThePenaltyOfTheCurrentWeights() {
        TinyModels_RegularizedNetwork network = new TinyModels_RegularizedNetwork(4, DataType.DOUBLE);
        Dataset data = data();
        History history = network.fit(data, FitOptions.epochs(2).batchSize(3).validation(data).verbose(0));

        double dataLoss = network.dataLoss(network.output(data.features()), OneHot.encode(data.labels(), 3, DataType.DOUBLE),
                null);
        double penalty = penalty(network);
        assertEquals(penalty, network.regularizationLoss(), 1e-12);
        assertEquals(dataLoss + penalty, network.evaluate(data).loss(), 1e-12);
        assertEquals(dataLoss + penalty, history.last("val_loss"), 1e-12);
    }
}
