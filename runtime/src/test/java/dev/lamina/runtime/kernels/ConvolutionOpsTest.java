package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pool2DSpec;
import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import dev.lamina.runtime.GradientAssertions;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Convolution and pooling on ND4J against plain loops (values), finite differences (gradients, in
 * double precision) and the DSL's shape rules (shapes).
 */
class ConvolutionOpsTest {
    private final Random random = new Random(17);

    @Test
    void theShapeRulesAgreeWithNd4jOnRandomConfigurations() {
        int compared = 0;
        for (int trial = 0; trial < 300; trial++) {
            Shape input = Shape.of(1 + random.nextInt(12), 1 + random.nextInt(12), 1 + random.nextInt(3));
            int[] kernel = {1 + random.nextInt(5), 1 + random.nextInt(5)};
            int[] strides = {1 + random.nextInt(3), 1 + random.nextInt(3)};
            Padding padding = random.nextBoolean() ? Padding.SAME : Padding.VALID;
            INDArray x = Nd4j.rand(DataType.FLOAT, input.withBatch(2));

            Conv2DSpec conv = new Conv2DSpec(4, kernel, strides, padding, Activation.LINEAR, true);
            Optional<Shape> convShape = conv.outputShape(input);
            if (convShape.isPresent()) {
                INDArray k = Nd4j.rand(DataType.FLOAT, kernel[0], kernel[1], input.dim(2), 4);
                assertArrayEquals(convShape.get().withBatch(2), ConvolutionOps.conv2dShape(x, k, conv.window()),
                        "conv2d " + conv.window() + " on " + input);
                compared++;
            }
            for (Pooling pooling : Pooling.values()) {
                Pool2DSpec pool = new Pool2DSpec(pooling, kernel, strides, padding);
                Optional<Shape> poolShape = pool.outputShape(input);
                if (poolShape.isPresent()) {
                    assertArrayEquals(poolShape.get().withBatch(2), ConvolutionOps.pool2dShape(pooling, x, pool.window()),
                            pooling + " " + pool.window() + " on " + input);
                    compared++;
                }
            }
        }
        assertTrue(compared > 500, "compared " + compared);
    }

    @ParameterizedTest
    @CsvSource({"VALID, 1, true", "VALID, 2, false", "SAME, 1, false", "SAME, 2, true"})
    void conv2dMatchesPlainLoops(Padding padding, int stride, boolean withBias) {
        Window2D window = new Window2D(3, 2, stride, stride, padding);
        double[][][][] x = random4(2, 7, 6, 3);
        double[][][][] kernel = random4(3, 2, 3, 4);
        double[] bias = withBias ? new double[] {0.1, -0.2, 0.3, 0.05} : null;
        double[][][][] expected = ConvolutionReference.conv2d(x, kernel, bias, window);

        INDArray y = Nd4j.create(DataType.DOUBLE, 2, expected[0].length, expected[0][0].length, 4);
        Conv2DKernel.forward(Nd4j.create(x), Nd4j.create(kernel), withBias ? Nd4j.createFromArray(bias) : null,
                window, Activation.LINEAR, y);
        assertClose(expected, y, 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"MAX, VALID, 2, 2", "MAX, SAME, 3, 2", "AVERAGE, VALID, 2, 1", "AVERAGE, SAME, 3, 2"})
    void poolingMatchesPlainLoops(Pooling pooling, Padding padding, int size, int stride) {
        Window2D window = new Window2D(size, size, stride, stride, padding);
        double[][][][] x = random4(2, 7, 5, 3);
        double[][][][] expected = ConvolutionReference.pool2d(pooling, x, window);

        INDArray y = Nd4j.create(DataType.DOUBLE, 2, expected[0].length, expected[0][0].length, 3);
        Pool2DKernel.forward(pooling, Nd4j.create(x), window, y);
        assertClose(expected, y, 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"VALID, 1, true", "VALID, 2, false", "SAME, 1, false", "SAME, 2, true"})
    void conv2dGradientsMatchFiniteDifferences(Padding padding, int stride, boolean withBias) {
        Window2D window = new Window2D(3, 3, stride, stride, padding);
        INDArray x = Nd4j.create(random4(2, 6, 5, 2));
        INDArray kernel = Nd4j.create(random4(3, 3, 2, 3));
        INDArray bias = withBias ? Nd4j.createFromArray(0.1, -0.2, 0.3) : null;
        long[] outShape = {2, window.outputLength(6, 3, stride), window.outputLength(5, 3, stride), 3};
        INDArray weights = Nd4j.rand(DataType.DOUBLE, outShape).subi(0.5);
        // loss = sum(conv2d(x) * weights), so d(loss)/d(output) = weights.
        DoubleSupplier loss = () -> {
            INDArray y = Nd4j.create(DataType.DOUBLE, outShape);
            Conv2DKernel.forward(x, kernel, bias, window, Activation.LINEAR, y);
            return y.mul(weights).sumNumber().doubleValue();
        };
        INDArray dx = x.ulike();
        INDArray dKernel = kernel.ulike();
        INDArray dBias = withBias ? bias.ulike() : null;
        Conv2DKernel.backward(x, kernel, bias, weights.dup(), window, dKernel, dBias, dx);

        GradientAssertions.assertMatches("input", x, dx, loss);
        GradientAssertions.assertMatches("kernel", kernel, dKernel, loss);
        if (withBias) {
            GradientAssertions.assertMatches("bias", bias, dBias, loss);
        }
    }

    @ParameterizedTest
    @CsvSource({"VALID, 1, 1, true", "VALID, 2, 3, false", "SAME, 1, 2, true", "SAME, 2, 1, true"})
    void aFirstLayerFromPatchesMatchesConv2dAndFiniteDifferences(Padding padding, int stride, int channels,
                                                                 boolean withBias) {
        Window2D window = new Window2D(3, 2, stride, stride, padding);
        INDArray x = Nd4j.create(random4(2, 7, 6, channels));
        INDArray kernel = Nd4j.create(random4(3, 2, channels, 4));
        INDArray bias = withBias ? Nd4j.createFromArray(0.1, -0.2, 0.3, 0.05) : null;
        long oh = window.outputLength(7, 3, stride);
        long ow = window.outputLength(6, 2, stride);
        long[] outShape = {2, oh, ow, 4};
        INDArray weights = Nd4j.rand(DataType.DOUBLE, outShape).subi(0.5);
        DoubleSupplier loss = () -> {
            INDArray y = Nd4j.create(DataType.DOUBLE, outShape);
            Conv2DKernel.forward(x, kernel, bias, window, Activation.LINEAR, y);
            return y.mul(weights).sumNumber().doubleValue();
        };
        // Its patches hold 3 samples: a batch of 2 uses their leading rows. A first, larger batch
        // runs before, so that the second must not depend on what it left in them.
        PatchConvolution convolution = new PatchConvolution(DataType.DOUBLE, window, channels, 4, 3, oh, ow);
        convolution.forward(Nd4j.rand(DataType.DOUBLE, 3, 7, 6, channels), kernel, bias, Activation.LINEAR,
                Nd4j.create(DataType.DOUBLE, 3, oh, ow, 4));
        INDArray y = Nd4j.create(DataType.DOUBLE, outShape);
        convolution.forward(x, kernel, bias, Activation.TANH, y);
        INDArray expected = Nd4j.create(DataType.DOUBLE, outShape);
        Conv2DKernel.forward(x, kernel, bias, window, Activation.TANH, expected);
        assertTrue(expected.equalsWithEps(y, 1e-12), "expected " + expected + " but was " + y);

        INDArray dKernel = kernel.ulike();
        INDArray dBias = withBias ? bias.ulike() : null;
        convolution.backward(weights, dKernel, dBias);
        GradientAssertions.assertMatches("kernel", kernel, dKernel, loss);
        if (withBias) {
            GradientAssertions.assertMatches("bias", bias, dBias, loss);
        }
    }

    /** In float32 the weights are stacked and the gradients split by memory copies: against the double computation. */
    @ParameterizedTest
    @CsvSource({"1, true", "3, false"})
    void aFloatPatchConvolutionMatchesTheDoubleOne(int channels, boolean withBias) {
        Window2D window = new Window2D(3, 3, 1, 1, Padding.VALID);
        INDArray x = Nd4j.create(random4(2, 6, 5, channels));
        INDArray kernel = Nd4j.create(random4(3, 3, channels, 4));
        INDArray bias = withBias ? Nd4j.createFromArray(0.1, -0.2, 0.3, 0.05) : null;
        INDArray dz = Nd4j.rand(DataType.DOUBLE, 2, 4, 3, 4).subi(0.5);
        PatchConvolution exact = new PatchConvolution(DataType.DOUBLE, window, channels, 4, 2, 4, 3);
        INDArray y = Nd4j.create(DataType.DOUBLE, 2, 4, 3, 4);
        exact.forward(x, kernel, bias, Activation.LINEAR, y);
        INDArray dKernel = kernel.ulike();
        INDArray dBias = withBias ? bias.ulike() : null;
        exact.backward(dz, dKernel, dBias);

        PatchConvolution single = new PatchConvolution(DataType.FLOAT, window, channels, 4, 2, 4, 3);
        INDArray y32 = Nd4j.create(DataType.FLOAT, 2, 4, 3, 4);
        INDArray kernel32 = kernel.castTo(DataType.FLOAT);
        assertTrue(HostMemory.holdsFloats(kernel32), "the memory copies run");
        single.forward(x.castTo(DataType.FLOAT), kernel32, withBias ? bias.castTo(DataType.FLOAT) : null,
                Activation.LINEAR, y32);
        INDArray dKernel32 = kernel32.ulike();
        INDArray dBias32 = withBias ? Nd4j.create(DataType.FLOAT, 4) : null;
        single.backward(dz.castTo(DataType.FLOAT), dKernel32, dBias32);
        assertTrue(y.equalsWithEps(y32.castTo(DataType.DOUBLE), 1e-5), "output");
        assertTrue(dKernel.equalsWithEps(dKernel32.castTo(DataType.DOUBLE), 1e-5), "kernel gradient");
        if (withBias) {
            assertTrue(dBias.equalsWithEps(dBias32.castTo(DataType.DOUBLE), 1e-5), "bias gradient");
        }
    }

    @Test
    void aPatchConvolutionsBackwardPassTakesTheBatchOfItsForwardPass() {
        Window2D window = new Window2D(3, 3, 1, 1, Padding.VALID);
        PatchConvolution convolution = new PatchConvolution(DataType.DOUBLE, window, 1, 2, 4, 2, 2);
        convolution.forward(Nd4j.rand(DataType.DOUBLE, 3, 4, 4, 1), Nd4j.rand(DataType.DOUBLE, 3, 3, 1, 2), null,
                Activation.LINEAR, Nd4j.create(DataType.DOUBLE, 3, 2, 2, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> convolution.backward(
                Nd4j.rand(DataType.DOUBLE, 4, 2, 2, 2), Nd4j.create(DataType.DOUBLE, 3, 3, 1, 2), null));
        assertEquals("The gradient is for a batch of 4 samples, the last forward pass had 3", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"MAX, VALID, 2, 2", "MAX, SAME, 3, 2", "AVERAGE, VALID, 3, 1", "AVERAGE, SAME, 2, 2"})
    void poolingGradientsMatchFiniteDifferences(Pooling pooling, Padding padding, int size, int stride) {
        Window2D window = new Window2D(size, size, stride, stride, padding);
        INDArray x = Nd4j.create(random4(2, 6, 5, 2));
        long[] outShape = {2, window.outputLength(6, size, stride), window.outputLength(5, size, stride), 2};
        INDArray weights = Nd4j.rand(DataType.DOUBLE, outShape).subi(0.5);
        DoubleSupplier loss = () -> {
            INDArray y = Nd4j.create(DataType.DOUBLE, outShape);
            Pool2DKernel.forward(pooling, x, window, y);
            return y.mul(weights).sumNumber().doubleValue();
        };
        INDArray dx = x.ulike();
        Pool2DKernel.backward(pooling, x, weights, window, dx);
        GradientAssertions.assertMatches("input", x, dx, loss);
    }

    @Test
    void kernelsWriteIntoTheLeadingRowsOfALargerBuffer() {
        // Generated networks hand kernels views of buffers sized for a larger batch.
        Window2D window = new Window2D(2, 2, 2, 2, Padding.VALID);
        INDArray x = Nd4j.create(random4(2, 4, 4, 1));
        INDArray buffer = Nd4j.create(DataType.DOUBLE, 5, 2, 2, 1).assign(7);
        Pool2DKernel.forward(Pooling.MAX, x, window, Buffers.rows(buffer, 2));
        INDArray expected = Nd4j.create(DataType.DOUBLE, 2, 2, 2, 1);
        Pool2DKernel.forward(Pooling.MAX, x, window, expected);
        assertEquals(expected, Buffers.rows(buffer, 2));
        assertEquals(7.0, buffer.getDouble(2, 0, 0, 0), "rows past the batch are untouched");
    }

    private double[][][][] random4(int a, int b, int c, int d) {
        double[][][][] values = new double[a][b][c][d];
        for (double[][][] x : values) {
            for (double[][] y : x) {
                for (double[] z : y) {
                    for (int i = 0; i < z.length; i++) {
                        z[i] = random.nextDouble() * 2 - 1;
                    }
                }
            }
        }
        return values;
    }

    private static void assertClose(double[][][][] expected, INDArray actual, double tolerance) {
        assertArrayEquals(new long[] {expected.length, expected[0].length, expected[0][0].length, expected[0][0][0].length},
                actual.shape());
        for (int a = 0; a < expected.length; a++) {
            for (int b = 0; b < expected[a].length; b++) {
                for (int c = 0; c < expected[a][b].length; c++) {
                    for (int d = 0; d < expected[a][b][c].length; d++) {
                        assertEquals(expected[a][b][c][d], actual.getDouble(a, b, c, d), tolerance,
                                "at " + a + "," + b + "," + c + "," + d);
                    }
                }
            }
        }
    }
}
