package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.OneHot;
import dev.lamina.runtime.training.GradientCheck;
import dev.lamina.runtime.training.Network;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The generated backward pass of whole networks against central finite differences of the loss, in
 * double precision: every parameter element of every layer.
 */
class GeneratedGradientTest {
    @Test
    void probabilitiesNetworkGradientsMatchFiniteDifferences() {
        Network network = new TinyModels_ProbabilitiesNetwork(7, DataType.DOUBLE);
        checkGradients(network, 5);
    }

    @Test
    void logitsNetworkGradientsMatchFiniteDifferences() {
        Network network = new TinyModels_LogitsNetwork(11, DataType.DOUBLE);
        checkGradients(network, 6);
    }

    @Test
    void convolutionalNetworkGradientsMatchFiniteDifferences() {
        Network network = new TinyModels_ConvolutionsNetwork(5, DataType.DOUBLE);
        checkGradients(network, 3);
    }

    @Test
    void globalPoolingNetworkGradientsMatchFiniteDifferences() {
        Network network = new TinyModels_GlobalPoolsNetwork(13, DataType.DOUBLE);
        checkGradients(network, 4);
    }

    @Test
    void activationLayersNetworkGradientsMatchFiniteDifferences() {
        Network network = new TinyModels_ActivationLayersNetwork(17, DataType.DOUBLE);
        checkGradients(network, 5);
    }

    /** Fan-out (into a view too), merges, a projection of the input: each part of each sum reaches its parameters. */
    @Test
    void branchesWithFanOutAndMerges() {
        checkGradients(new TinyModels_BranchesNetwork(13, DataType.DOUBLE), 3);
    }

    /** In training mode, where each BatchNormalization's batch statistics make the loss depend on the whole batch. */
    @Test
    void batchNormalizationNetworkGradientsMatchFiniteDifferences() {
        Network network = new TinyModels_NormalizedNetwork(13, DataType.DOUBLE);
        checkGradients(network, 6);
    }

    /** With L2-regularized kernels: the finite differences are of the loss with the penalty, as fit minimises it. */
    @Test
    void regularizedNetworkGradientsIncludeThePenalty() {
        Network network = new TinyModels_RegularizedNetwork(19, DataType.DOUBLE);
        assertTrue(network.regularizationLoss() > 0, "the checked loss includes a penalty");
        checkGradients(network, 4);
    }

    /** Rescaling: its gradient is the output's times the scale. */
    @Test
    void rescaledNetworkGradientsMatchFiniteDifferences() {
        checkGradients(new TinyModels_RescaledNetwork(23, DataType.DOUBLE), 4);
    }

    /**
     * The random image layers draw anew on every training forward pass, so finite differences
     * of the loss are taken with one fixed draw: the network's training generator is reset to one seed
     * before each pass (of the gradients and of every loss), as {@link AugmentationTest#fixedDraws} does.
     * Dropout could be checked the same way; it is not in these models.
     */
    @Test
    void augmentedNetworkGradientsMatchFiniteDifferencesWithOneFixedDraw() {
        checkGradients(AugmentationTest.fixedDraws(new TinyModels_AugmentedNetwork(29, DataType.DOUBLE), 5), 6);
    }

    private static void checkGradients(Network network, int batch) {
        Random random = new Random(3);
        INDArray features = Nd4j.rand(DataType.DOUBLE, network.inputShape().withBatch(batch)).subi(0.5).muli(4);
        int[] classes = new int[batch];
        for (int i = 0; i < batch; i++) {
            classes[i] = random.nextInt(network.classes());
        }
        INDArray labels = OneHot.encode(classes, network.classes(), DataType.DOUBLE);
        assertEquals(List.of(), GradientCheck.check(network, features, labels, Integer.MAX_VALUE, random));
        assertTrue(network.parameters().stream().mapToLong(p -> p.value().length()).sum() > 50, "enough parameters");
    }
}
