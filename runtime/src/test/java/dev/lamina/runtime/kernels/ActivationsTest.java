package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Activation;
import dev.lamina.runtime.GradientAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

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

    /**
     * On float arrays in host memory ReLU's backward pass is a Java loop over the values' bits: it
     * must keep the gradient exactly where y is positive, zeroing it at 0 and -0, over several chunks
     * and a partial one, as ND4J's op does on doubles.
     */
    @Test
    void reluBackwardOnFloatsKeepsTheGradientExactlyWherePositive() {
        Nd4j.getRandom().setSeed(4);
        int length = 3 * HostMemory.CHUNK + 123;
        INDArray z = Nd4j.rand(DataType.DOUBLE, length).subi(0.5);
        z.putScalar(5, -0.0);
        z.putScalar(length - 1, Float.MIN_VALUE);
        INDArray y = z.dup();
        Activations.forward(Activation.RELU, y);
        INDArray floatY = y.castTo(DataType.FLOAT);
        floatY.putScalar(7, -0.0f);
        INDArray upstream = Nd4j.rand(DataType.DOUBLE, length).addi(0.5);
        INDArray expected = upstream.dup();
        Activations.backward(Activation.RELU, y, expected);

        INDArray gradient = upstream.castTo(DataType.FLOAT);
        Activations.backward(Activation.RELU, floatY, gradient);
        assertEquals(expected.castTo(DataType.FLOAT), gradient);
        assertEquals(0f, gradient.getFloat(5));
        assertEquals(0f, gradient.getFloat(7), "-0 is not positive");
        assertEquals(upstream.getFloat(length - 1), gradient.getFloat(length - 1), "the least positive float is");
    }

    @Test
    void softmaxRowsMatchesNd4jsSoftmax() {
        INDArray z = Nd4j.createFromArray(new float[][] {{1, 2, 3, 4}, {-50, 0, 50, 100}, {7, 7, 7, 7}});
        float[] values = z.data().asFloat();
        Activations.softmaxRows(values, values.length, 4);
        INDArray expected = apply(Activation.SOFTMAX, z);
        assertTrue(expected.equalsWithEps(Nd4j.createFromArray(values).reshape(3, 4), 1e-7),
                "expected " + expected + " but was " + java.util.Arrays.toString(values));
    }

    private static INDArray apply(Activation activation, INDArray z) {
        INDArray y = z.dup();
        Activations.forward(activation, y);
        return y;
    }

    /** Small float32 arrays of any rank take the Java loop, larger ones ND4J's op: both are max(z, 0). */
    @Test
    void reluForwardOnFloatsOfAnyRankAndSize() {
        for (long[] shape : new long[][] {{2, 3, 3, 4}, {64, 5, 5, 64}, {4, 300, 300, 1}}) {
            INDArray z = Nd4j.rand(DataType.FLOAT, shape).subi(0.5);
            INDArray expected = Transforms.max(z.castTo(DataType.DOUBLE), 0.0);
            Activations.forward(Activation.RELU, z);
            assertTrue(expected.equalsWithEps(z.castTo(DataType.DOUBLE), 0), java.util.Arrays.toString(shape));
        }
    }
}
