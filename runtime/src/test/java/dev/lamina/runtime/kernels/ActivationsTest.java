package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.dsl.Activation;
import dev.lamina.runtime.GradientAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActivationsTest {

    /** Values away from 0, where relu and its kin have a kink. */
    private static INDArray inputs() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 5).subi(0.5).muli(6);
        x.addi(x.gt(0.0).castTo(DataType.DOUBLE).muli(2).subi(1).muli(0.05));
        return x;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theBackwardPassIsTheGradientOfTheForwardPass(Activation activation) {
        INDArray z = inputs();
        INDArray weights = Nd4j.rand(DataType.DOUBLE, 4, 5).subi(0.5);
        // loss = sum(activation(z) * weights): d(loss)/d(output) = weights.
        INDArray y = z.dup();
        Activations.forward(activation, y);
        INDArray gradient = weights.dup();
        Activations.backward(activation, y, gradient);
        GradientAssertions.assertMatches(activation.name(), z, gradient, () -> {
            INDArray out = z.dup();
            Activations.forward(activation, out);
            return out.mul(weights).sumNumber().doubleValue();
        });
    }

    @Test
    void forwardValuesFollowKerasDefinitions() {
        INDArray z = Nd4j.createFromArray(new double[][] {{-2, 0.5, 1}});
        assertEquals(Nd4j.createFromArray(new double[][] {{0, 0.5, 1}}), apply(Activation.RELU, z));
        assertEquals(Nd4j.createFromArray(new double[][] {{-0.4, 0.5, 1}}), apply(Activation.LEAKY_RELU, z));
        assertEquals(Math.exp(-2) - 1, apply(Activation.ELU, z).getDouble(0, 0), 1e-12);
        assertEquals(1 / (1 + Math.exp(-0.5)), apply(Activation.SIGMOID, z).getDouble(0, 1), 1e-12);
        assertEquals(Math.tanh(1), apply(Activation.TANH, z).getDouble(0, 2), 1e-12);
        double sum = Math.exp(-2) + Math.exp(0.5) + Math.exp(1);
        assertEquals(Math.exp(0.5) / sum, apply(Activation.SOFTMAX, z).getDouble(0, 1), 1e-12);
        assertEquals(z, apply(Activation.LINEAR, z));
    }

    private static INDArray apply(Activation activation, INDArray z) {
        INDArray y = z.dup();
        Activations.forward(activation, y);
        return y;
    }
}
