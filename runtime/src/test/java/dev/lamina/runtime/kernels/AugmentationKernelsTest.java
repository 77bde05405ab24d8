package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Rescaling, RandomFlip and RandomTranslation against hand-computed arrays, their gradients as their transposes. */
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
        RandomTranslationKernel.forward(image(), draws(0, 1), true, y);
        assertArrayEquals(new double[] {1, 1, 2, 4, 4, 5}, values(y), 0);
        RandomTranslationKernel.forward(image(), draws(0, 1), false, y);
        assertArrayEquals(new double[] {0, 1, 2, 0, 4, 5}, values(y), 0);
        // Two columns left and one row up: the bottom row shifted in is the last reflected, and so are columns.
        RandomTranslationKernel.forward(image(), draws(-1, -2), true, y);
        assertArrayEquals(new double[] {6, 6, 5, 6, 6, 5}, values(y), 0);
        RandomTranslationKernel.forward(image(), draws(-1, -2), false, y);
        assertArrayEquals(new double[] {6, 0, 0, 0, 0, 0}, values(y), 0);
    }

    @Test
    void reflectionMirrorsAboutTheEdges() {
        int[] expected = {2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0, 0};
        for (int i = -3; i < 9; i++) {
            assertEquals(expected[i + 3], RandomTranslationKernel.source(i, 4, true), "index " + i);
        }
        assertEquals(-1, RandomTranslationKernel.source(-1, 4, false));
        assertEquals(-1, RandomTranslationKernel.source(4, 4, false));
    }

    /**
     * The layers are linear in x, so the gradient is right exactly when <y(x), dy> = <x, dx(dy)> for
     * every x and dy: the backward pass is the transpose of the forward pass with the same draws.
     */
    @Test
    void gradientsAreTheTransposeOfTheForwardPass() {
        for (boolean reflect : new boolean[] {true, false}) {
            INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 4, 3, 2);
            INDArray dy = Nd4j.rand(DataType.DOUBLE, 5, 4, 3, 2);
            INDArray draws = Nd4j.zeros(DataType.DOUBLE, 5, 2);
            INDArray y = x.ulike();
            RandomTranslationKernel.forward(x, 0.9, 0.9, reflect, true, random(4), draws, y);
            INDArray dx = x.ulike();
            RandomTranslationKernel.backward(draws, reflect, dy, dx);
            assertEquals(y.mul(dy).sumNumber().doubleValue(), x.mul(dx).sumNumber().doubleValue(), 1e-9);

            RandomFlipKernel.forward(x, true, true, true, random(4), draws, y);
            RandomFlipKernel.backward(draws, dy, dx);
            assertEquals(y.mul(dy).sumNumber().doubleValue(), x.mul(dx).sumNumber().doubleValue(), 1e-9);
        }
    }

    @Test
    void drawsRepeatWithTheSeedDifferWithoutAndStayInRange() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 64, 10, 10, 1);
        INDArray first = Nd4j.zeros(DataType.DOUBLE, 64, 2);
        INDArray second = first.ulike();
        INDArray other = first.ulike();
        RandomTranslationKernel.forward(x, 0.2, 0.3, true, true, random(9), first, x.ulike());
        RandomTranslationKernel.forward(x, 0.2, 0.3, true, true, random(9), second, x.ulike());
        RandomTranslationKernel.forward(x, 0.2, 0.3, true, true, random(10), other, x.ulike());
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
        RandomTranslationKernel.forward(x, 0.5, 0.5, true, false, random(1), Nd4j.zeros(DataType.FLOAT, 3, 2), y);
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
