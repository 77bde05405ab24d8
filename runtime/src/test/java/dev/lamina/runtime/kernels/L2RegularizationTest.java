package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras' L2 penalty and its gradient on numbers worked by hand, in both precisions. */
class L2RegularizationTest {

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void thePenaltyIsL2TimesTheSumOfSquares(DataType type) {
        INDArray kernel = Nd4j.create(new double[] {1, -2, 3, 0.5}, new long[] {2, 2}, type);
        // 0.01 · (1 + 4 + 9 + 0.25)
        assertEquals(0.1425, L2Regularization.penalty(kernel, 0.01), 1e-7);
        assertEquals(0, L2Regularization.penalty(kernel, 0), 0);
    }

    /** A convolution's kernel (2, 1, 1, 3): every element, whatever the rank. */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void theGradientTwoL2KernelIsAddedToTheGradientThere(DataType type) {
        INDArray kernel = Nd4j.create(new double[] {1, -2, 3, 0.5, 0, -1}, new long[] {2, 1, 1, 3}, type);
        INDArray gradient = Nd4j.ones(type, 2, 1, 1, 3);
        L2Regularization.addGradient(kernel, 0.01, gradient);
        assertArrayEquals(new double[] {1.02, 0.96, 1.06, 1.01, 1, 0.98}, gradient.dup().data().asDouble(), 1e-7);
        assertArrayEquals(new double[] {1, -2, 3, 0.5, 0, -1}, kernel.dup().data().asDouble(), 0, "the kernel is unchanged");
    }
}
