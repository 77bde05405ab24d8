package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import dev.lamina.runtime.SystemProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each convolution picks its route from its shapes, and every route computes what conv2d and conv2d_bp do. */
class Convolution2DTest {
    private static final Window2D WINDOW = new Window2D(3, 3, 1, 1, Padding.VALID);

    @Test
    void theReferenceCnnsLayersEachTakeTheirRoute() {
        assertEquals(Convolution2D.Route.FROM_PATCHES, convolution(28, 1, 32, false).route(), "conv1: its input needs no gradient");
        assertEquals(Convolution2D.Route.CONV2D, convolution(13, 32, 64, true).route(), "conv2: 11x11 = 121 positions");
        assertEquals(Convolution2D.Route.SMALL_MAP, convolution(5, 64, 64, true).route(), "conv3: 3x3 = 9 positions");
        assertEquals(Convolution2D.Route.SMALL_MAP, convolution(7, 4, 4, true).route(), "5x5 = 25 positions, the bound");
        assertEquals(Convolution2D.Route.CONV2D, convolution(8, 4, 4, true).route(), "6x6 = 36 positions");
        assertEquals(Convolution2D.Route.CONV2D, convolution(10, 4, 4, true).route(), "8x8 = 64 positions");
    }

    /**
     * Float32 through oneDNN and through each of ND4J's routes (oneDNN turned off), batches of 3
     * then 2 (leading rows), against ND4J's ops in double precision.
     */
    @ParameterizedTest
    @CsvSource({"7, false, true", "7, true, true", "14, true, true", "7, false, false", "7, true, false", "14, true, false"})
    void everyRouteMatchesConv2dAndConv2dBackward(int size, boolean inputNeedsGradient, boolean oneDnn) {
        SystemProperties.with(OneDnn.PROPERTY, Boolean.toString(oneDnn),
                () -> matchesConv2dAndConv2dBackward(size, inputNeedsGradient, oneDnn));
    }

    private static void matchesConv2dAndConv2dBackward(int size, boolean inputNeedsGradient, boolean oneDnn) {
        Nd4j.getRandom().setSeed(size);
        int channels = 2;
        int filters = 3;
        int out = size - 2;
        Convolution2D convolution = convolution(size, channels, filters, inputNeedsGradient);
        for (int batch : new int[] {3, 2}) {
            INDArray x = Nd4j.rand(DataType.DOUBLE, batch, size, size, channels).subi(0.5);
            INDArray kernel = Nd4j.rand(DataType.DOUBLE, 3, 3, channels, filters).subi(0.5);
            INDArray bias = Nd4j.rand(DataType.DOUBLE, filters).subi(0.5);
            INDArray dz = Nd4j.rand(DataType.DOUBLE, batch, out, out, filters).subi(0.5);
            INDArray expected = Nd4j.create(DataType.DOUBLE, batch, out, out, filters);
            Conv2DKernel.forward(x, kernel, bias, WINDOW, Activation.TANH, expected);
            INDArray expectedKernel = kernel.ulike();
            INDArray expectedBias = bias.ulike();
            INDArray expectedInput = x.ulike();
            Conv2DKernel.backward(x, kernel, bias, dz, WINDOW, expectedKernel, expectedBias, expectedInput);

            INDArray x32 = x.castTo(DataType.FLOAT);
            INDArray kernel32 = kernel.castTo(DataType.FLOAT);
            INDArray bias32 = bias.castTo(DataType.FLOAT);
            INDArray y = Nd4j.create(DataType.FLOAT, batch, out, out, filters);
            convolution.forward(x32, kernel32, bias32, Activation.TANH, y);
            assertEquals(oneDnn, convolution.ranOnOneDnn(), "computed on oneDNN");
            INDArray dKernel = kernel32.ulike();
            INDArray dBias = bias32.ulike();
            INDArray dx = inputNeedsGradient ? x32.ulike() : null;
            convolution.backward(x32, kernel32, bias32, dz.castTo(DataType.FLOAT), dKernel, dBias, dx);

            assertClose(expected, y, "output");
            assertClose(expectedKernel, dKernel, "kernel gradient");
            assertClose(expectedBias, dBias, "bias gradient");
            if (inputNeedsGradient) {
                assertClose(expectedInput, dx, "input gradient");
            }
        }
    }

    @Test
    void aFirstLayerRefusesToComputeAnInputGradient() {
        Convolution2D first = convolution(7, 1, 2, false);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 7, 7, 1);
        INDArray kernel = Nd4j.rand(DataType.FLOAT, 3, 3, 1, 2);
        first.forward(x, kernel, null, Activation.LINEAR, Nd4j.create(DataType.FLOAT, 2, 5, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> first.backward(x, kernel, null,
                Nd4j.rand(DataType.FLOAT, 2, 5, 5, 2), kernel.ulike(), null, x.ulike()));
    }

    private static Convolution2D convolution(int size, int channels, int filters, boolean inputNeedsGradient) {
        return new Convolution2D(DataType.FLOAT, WINDOW, Shape.of(size, size, channels),
                Shape.of(size - 2, size - 2, filters), inputNeedsGradient);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertTrue(expected.castTo(DataType.FLOAT).equalsWithEps(actual, 1e-4), what + ": " + actual + " against " + expected);
    }
}
