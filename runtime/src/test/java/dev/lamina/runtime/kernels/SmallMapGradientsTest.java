package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Window2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A convolution's gradients as gemms over patches made and scattered in Java (float32), against
 * ND4J's conv2d_bp in double precision (whose gradients ConvolutionOpsTest checks by finite
 * differences).
 */
class SmallMapGradientsTest {

    @ParameterizedTest
    @CsvSource({"VALID, 1, 1, 5, true", "VALID, 2, 1, 3, false", "SAME, 1, 1, 2, true", "SAME, 2, 2, 3, true",
            "VALID, 1, 2, 16, true"})
    void matchConv2dBackward(Padding padding, int strideHeight, int strideWidth, int channels, boolean withBias) {
        Nd4j.getRandom().setSeed(11);
        Window2D window = new Window2D(3, 2, strideHeight, strideWidth, padding);
        int height = 6;
        int width = 5;
        int filters = 4;
        long oh = window.outputLength(height, 3, strideHeight);
        long ow = window.outputLength(width, 2, strideWidth);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, height, width, channels).subi(0.5);
        INDArray kernel = Nd4j.rand(DataType.DOUBLE, 3, 2, channels, filters).subi(0.5);
        INDArray bias = withBias ? Nd4j.rand(DataType.DOUBLE, filters).subi(0.5) : null;
        INDArray dz = Nd4j.rand(DataType.DOUBLE, 2, oh, ow, filters).subi(0.5);
        INDArray expectedKernel = kernel.ulike();
        INDArray expectedBias = withBias ? bias.ulike() : null;
        INDArray expectedInput = x.ulike();
        Conv2DKernel.backward(x, kernel, bias, dz, window, expectedKernel, expectedBias, expectedInput);

        // Patch arrays for 3 samples, of which a batch of 2 uses the leading rows, after a batch of
        // 3 that leaves other values in them; the batch's arrays are leading rows of larger ones too.
        SmallMapGradients gradients = new SmallMapGradients(DataType.FLOAT, window, height, width, channels, 3);
        INDArray kernel32 = kernel.castTo(DataType.FLOAT);
        INDArray bias32 = withBias ? bias.castTo(DataType.FLOAT) : null;
        gradients.backward(Nd4j.rand(DataType.FLOAT, 3, height, width, channels), kernel32, bias32,
                Nd4j.rand(DataType.FLOAT, 3, oh, ow, filters), kernel32.ulike(), withBias ? bias32.ulike() : null,
                Nd4j.create(DataType.FLOAT, 3, height, width, channels));
        INDArray x32 = Buffers.rows(Nd4j.rand(DataType.FLOAT, 3, height, width, channels), 2)
                .assign(x.castTo(DataType.FLOAT));
        INDArray dz32 = Buffers.rows(Nd4j.rand(DataType.FLOAT, 3, oh, ow, filters), 2)
                .assign(dz.castTo(DataType.FLOAT));
        INDArray dKernel = Nd4j.valueArrayOf(kernel.shape(), 9f, DataType.FLOAT);
        INDArray dBias = withBias ? Nd4j.valueArrayOf(bias.shape(), 9f, DataType.FLOAT) : null;
        INDArray inputGradients = Nd4j.valueArrayOf(new long[] {3, height, width, channels}, 9f, DataType.FLOAT);
        INDArray dx = Buffers.rows(inputGradients, 2);
        assertTrue(HostMemory.holdsFloats(x32, kernel32, dz32, dKernel, dx), "the Java path runs");

        gradients.backward(x32, kernel32, bias32, dz32, dKernel, dBias, dx);

        assertTrue(expectedKernel.equalsWithEps(dKernel.castTo(DataType.DOUBLE), 1e-5), "kernel gradient");
        if (withBias) {
            assertTrue(expectedBias.equalsWithEps(dBias.castTo(DataType.DOUBLE), 1e-5), "bias gradient");
        }
        assertTrue(expectedInput.equalsWithEps(dx.castTo(DataType.DOUBLE), 1e-5), "input gradient");
        assertEquals(9f, inputGradients.getFloat(2, 0, 0, 0), "the sample after the batch is untouched");
    }

    @Test
    void otherTypesAndLargerBatchesGoToConv2dBackward() {
        Window2D window = new Window2D(2, 2, 1, 1, Padding.VALID);
        SmallMapGradients gradients = new SmallMapGradients(DataType.DOUBLE, window, 3, 3, 2, 2);
        assertSameAsConv2dBackward(gradients, window, DataType.DOUBLE, 2);
        // Patch arrays for 2 samples of float32, and a batch of 4.
        assertSameAsConv2dBackward(new SmallMapGradients(DataType.FLOAT, window, 3, 3, 2, 2), window, DataType.FLOAT, 4);
    }

    private static void assertSameAsConv2dBackward(SmallMapGradients gradients, Window2D window, DataType type,
                                                   int batch) {
        INDArray x = Nd4j.rand(type, batch, 3, 3, 2);
        INDArray kernel = Nd4j.rand(type, 2, 2, 2, 3);
        INDArray dz = Nd4j.rand(type, batch, 2, 2, 3);
        INDArray dx = x.ulike();
        INDArray dKernel = kernel.ulike();
        INDArray expectedDx = x.ulike();
        INDArray expectedKernel = kernel.ulike();
        gradients.backward(x, kernel, null, dz, dKernel, null, dx);
        Conv2DKernel.backward(x, kernel, null, dz, window, expectedKernel, null, expectedDx);
        assertEquals(expectedDx, dx);
        assertEquals(expectedKernel, dKernel);
    }
}
