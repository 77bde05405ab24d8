package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.OneHot;
import dev.lamina.runtime.losses.CrossEntropy;
import dev.lamina.runtime.optimizers.Parameter;
import dev.lamina.runtime.training.Network;
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
    private static final double EPSILON = 1e-6;
    private static final double TOLERANCE = 1e-5;

    @Test
    void probabilitiesNetworkGradientsMatchFiniteDifferences() {
        Network network = TinyModels_ProbabilitiesNetwork.create(7, DataType.DOUBLE);
        checkGradients(network, 5);
    }

    @Test
    void logitsNetworkGradientsMatchFiniteDifferences() {
        Network network = TinyModels_LogitsNetwork.create(11, DataType.DOUBLE);
        checkGradients(network, 6);
    }

    @Test
    void convolutionalNetworkGradientsMatchFiniteDifferences() {
        Network network = TinyModels_ConvolutionsNetwork.create(5, DataType.DOUBLE);
        checkGradients(network, 3);
    }

    private static void checkGradients(Network network, int batch) {
        Random random = new Random(3);
        INDArray features = Nd4j.rand(DataType.DOUBLE, network.inputShape().withBatch(batch)).subi(0.5).muli(4);
        int[] classes = new int[batch];
        for (int i = 0; i < batch; i++) {
            classes[i] = random.nextInt(network.classes());
        }
        INDArray labels = OneHot.encode(classes, network.classes(), DataType.DOUBLE);

        network.computeGradients(features, labels);
        int checked = 0;
        for (Parameter parameter : network.parameters()) {
            INDArray analytic = parameter.gradient().dup();
            INDArray value = parameter.value();
            for (long i = 0; i < value.length(); i++) {
                double original = value.getDouble(i);
                value.putScalar(i, original + EPSILON);
                double plus = loss(network, features, labels);
                value.putScalar(i, original - EPSILON);
                double minus = loss(network, features, labels);
                value.putScalar(i, original);
                double numeric = (plus - minus) / (2 * EPSILON);
                double exact = analytic.getDouble(i);
                double error = Math.abs(numeric - exact) / Math.max(Math.abs(numeric) + Math.abs(exact), 1e-7);
                assertTrue(error < TOLERANCE || Math.abs(numeric - exact) < 1e-9,
                        parameter.name() + "[" + i + "]: backward " + exact + ", finite difference " + numeric);
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked + " parameters");
    }

    private static double loss(Network network, INDArray features, INDArray labels) {
        INDArray outputs = network.output(features);
        return network.outputsLogits()
                ? CrossEntropy.fromLogits(outputs, labels)
                : CrossEntropy.fromProbabilities(outputs, labels);
    }
}
