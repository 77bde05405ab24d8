package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lamina.dsl.FillMode;
import dev.lamina.dsl.Interpolation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rescaling, RandomFlip and RandomTranslation against hand-computed arrays, RandomRotation and
 * RandomZoom against SciPy ({@link AffineSamplingTest}); every gradient as the forward pass's transpose.
 */
class AugmentationKernelsTest {
    /** One image (1, 2, 3, 1): rows {1 2 3} and {4 5 6}. */
    private static INDArray image() {
        return Nd4j.create(new double[] {1, 2, 3, 4, 5, 6}, new long[] {1, 2, 3, 1}, 'c');
    }

    private static INDArray draws(double first, double second) {
        return Nd4j.create(new double[] {first, second}, new long[] {1, 2}, 'c');
    }

    private static double[] values(INDArray array) {
        return array.dup('c').data().asDouble();
    }

    private static Random random(long seed) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    @Test
    void rescalingScalesThenOffsetsAndItsGradientIsScaled() {
        INDArray x = image();
        INDArray y = x.ulike();
        RescalingKernel.forward(x, 0.5, -1, y);
        assertArrayEquals(new double[] {-0.5, 0, 0.5, 1, 1.5, 2}, values(y), 0);
        INDArray dx = x.ulike();
        RescalingKernel.backward(0.5, image(), dx);
        assertArrayEquals(new double[] {0.5, 1, 1.5, 2, 2.5, 3}, values(dx), 0);
    }

    @Test
    void flipsAsDrawn() {
        INDArray y = image().ulike();
        RandomFlipKernel.forward(image(), draws(0, 1), y);
        assertArrayEquals(new double[] {3, 2, 1, 6, 5, 4}, values(y), 0, "horizontal: left to right");
        RandomFlipKernel.forward(image(), draws(1, 0), y);
        assertArrayEquals(new double[] {4, 5, 6, 1, 2, 3}, values(y), 0, "vertical: top to bottom");
        RandomFlipKernel.forward(image(), draws(1, 1), y);
        assertArrayEquals(new double[] {6, 5, 4, 3, 2, 1}, values(y), 0, "both");
        RandomFlipKernel.forward(image(), draws(0, 0), y);
        assertArrayEquals(values(image()), values(y), 0, "neither");
    }

    @Test
    void translatesAsDrawnWithReflectionOrZeros() {
        INDArray y = image().ulike();
        // One column right: the column shifted in is the first reflected about the left edge.
        RandomTranslationKernel.forward(image(), draws(0, 1), FillMode.REFLECT, y);
        assertArrayEquals(new double[] {1, 1, 2, 4, 4, 5}, values(y), 0);
        RandomTranslationKernel.forward(image(), draws(0, 1), FillMode.CONSTANT, y);
        assertArrayEquals(new double[] {0, 1, 2, 0, 4, 5}, values(y), 0);
        // Two columns left and one row up: the bottom row shifted in is the last reflected, and so are columns.
        RandomTranslationKernel.forward(image(), draws(-1, -2), FillMode.REFLECT, y);
        assertArrayEquals(new double[] {6, 6, 5, 6, 6, 5}, values(y), 0);
        RandomTranslationKernel.forward(image(), draws(-1, -2), FillMode.CONSTANT, y);
        assertArrayEquals(new double[] {6, 0, 0, 0, 0, 0}, values(y), 0);
    }

    @Test
    void eachFillModeReadsBeyondTheEdgesAsKeras() {
        // Keras' pictures of an axis (a b c d) extended: reflect (d c b a | a b c d | d c b a),
        // wrap (a b c d | a b c d | a b c d), nearest (a a a a | a b c d | d d d d), constant zeros.
        int[] reflect = {2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0, 0};
        int[] wrap = {1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0};
        int[] nearest = {0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 3, 3};
        int[] constant = {-1, -1, -1, 0, 1, 2, 3, -1, -1, -1, -1, -1};
        for (int i = -3; i < 9; i++) {
            assertEquals(reflect[i + 3], ImageEdges.source(i, 4, FillMode.REFLECT), "reflect, index " + i);
            assertEquals(wrap[i + 3], ImageEdges.source(i, 4, FillMode.WRAP), "wrap, index " + i);
            assertEquals(nearest[i + 3], ImageEdges.source(i, 4, FillMode.NEAREST), "nearest, index " + i);
            assertEquals(constant[i + 3], ImageEdges.source(i, 4, FillMode.CONSTANT), "constant, index " + i);
        }
    }

    /**
     * The layers are linear in x, so the gradient is right exactly when <y(x), dy> = <x, dx(dy)> for
     * every x and dy: the backward pass is the transpose of the forward pass with the same draws.
     */
    @Test
    void gradientsAreTheTransposeOfTheForwardPass() {
        for (FillMode fill : FillMode.values()) {
            INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 4, 3, 2);
            INDArray dy = Nd4j.rand(DataType.DOUBLE, 5, 4, 3, 2);
            INDArray draws = Nd4j.zeros(DataType.DOUBLE, 5, 2);
            INDArray y = x.ulike();
            INDArray dx = x.ulike();
            RandomTranslationKernel.forward(x, 0.9, 0.9, fill, true, random(4), draws, y);
            RandomTranslationKernel.backward(draws, fill, dy, dx);
            assertTranspose(x, y, dy, dx, "translation, " + fill);
            for (Interpolation interpolation : Interpolation.values()) {
                RandomRotationKernel.forward(x, 0.3, fill, interpolation, true, random(4), draws, y);
                RandomRotationKernel.backward(draws, fill, interpolation, dy, dx);
                assertTranspose(x, y, dy, dx, "rotation, " + fill + ", " + interpolation);
                RandomZoomKernel.forward(x, 0.5, 0.7, fill, interpolation, true, random(4), draws, y);
                RandomZoomKernel.backward(draws, fill, interpolation, dy, dx);
                assertTranspose(x, y, dy, dx, "zoom, " + fill + ", " + interpolation);
            }
        }
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 4, 3, 2);
        INDArray dy = Nd4j.rand(DataType.DOUBLE, 5, 4, 3, 2);
        INDArray draws = Nd4j.zeros(DataType.DOUBLE, 5, 2);
        INDArray y = x.ulike();
        INDArray dx = x.ulike();
        RandomFlipKernel.forward(x, true, true, true, random(4), draws, y);
        RandomFlipKernel.backward(draws, dy, dx);
        assertTranspose(x, y, dy, dx, "flip");
    }

    /** The layers are linear in x: the gradient is right exactly when <y(x), dy> = <x, dx(dy)> for every x and dy. */
    private static void assertTranspose(INDArray x, INDArray y, INDArray dy, INDArray dx, String what) {
        assertEquals(y.mul(dy).sumNumber().doubleValue(), x.mul(dx).sumNumber().doubleValue(), 1e-9, what);
        assertNotEquals(0, dx.amaxNumber().doubleValue(), what);
    }

    @Test
    void drawsRepeatWithTheSeedDifferWithoutAndStayInRange() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 64, 10, 10, 1);
        INDArray first = Nd4j.zeros(DataType.DOUBLE, 64, 2);
        INDArray second = first.ulike();
        INDArray other = first.ulike();
        RandomTranslationKernel.forward(x, 0.2, 0.3, FillMode.REFLECT, true, random(9), first, x.ulike());
        RandomTranslationKernel.forward(x, 0.2, 0.3, FillMode.REFLECT, true, random(9), second, x.ulike());
        RandomTranslationKernel.forward(x, 0.2, 0.3, FillMode.REFLECT, true, random(10), other, x.ulike());
        assertEquals(first, second);
        assertNotEquals(first, other);
        assertEquals(2, first.getColumn(0).amaxNumber().doubleValue(), 0, "rows within 0.2 of 10, and reaching it");
        assertEquals(3, first.getColumn(1).amaxNumber().doubleValue(), 0, "columns within 0.3 of 10");

        RandomFlipKernel.forward(x, true, false, true, random(9), first, x.ulike());
        RandomFlipKernel.forward(x, true, false, true, random(9), second, x.ulike());
        assertEquals(first, second);
        assertEquals(0, first.getColumn(0).sumNumber().doubleValue(), 0, "horizontal only: never vertically");
        assertEquals(32, first.getColumn(1).sumNumber().doubleValue(), 12, "about half flipped");
    }

    @Test
    void inferencePassesInputsThrough() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 4, 5, 2);
        INDArray y = x.ulike();
        RandomFlipKernel.forward(x, true, true, false, random(1), Nd4j.zeros(DataType.FLOAT, 3, 2), y);
        assertEquals(x, y);
        y = x.ulike();
        RandomTranslationKernel.forward(x, 0.5, 0.5, FillMode.REFLECT, false, random(1), Nd4j.zeros(DataType.FLOAT, 3, 2), y);
        assertEquals(x, y);
        y = x.ulike();
        RandomRotationKernel.forward(x, 0.5, FillMode.REFLECT, Interpolation.BILINEAR, false, random(1),
                Nd4j.zeros(DataType.FLOAT, 3, 1), y);
        assertEquals(x, y);
        y = x.ulike();
        RandomZoomKernel.forward(x, 0.5, Double.NaN, FillMode.REFLECT, Interpolation.BILINEAR, false, random(1),
                Nd4j.zeros(DataType.FLOAT, 3, 2), y);
        assertEquals(x, y);
    }

    @Test
    void floatImagesKeepTheirType() {
        INDArray x = image().castTo(DataType.FLOAT);
        INDArray y = x.ulike();
        RandomFlipKernel.forward(x, draws(0, 1).castTo(DataType.FLOAT), y);
        assertEquals(DataType.FLOAT, y.dataType());
        assertArrayEquals(new double[] {3, 2, 1, 6, 5, 4}, values(y), 0);
    }
}
