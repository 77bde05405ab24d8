package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.FillMode;
import dev.lamina.runtime.kernels.RandomFlipKernel;
import dev.lamina.runtime.kernels.RandomTranslationKernel;
import dev.lamina.runtime.plots.AugmentationGrid;
import dev.lamina.runtime.training.AbstractNetwork;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network showing what its own augmentation layers do: {@code augmented} draws as a training step
 * of the same generator would, {@code unaugmented} passes through, and {@link AugmentationGrid} draws
 * both.
 */
class AugmentationGridTest {
    @TempDir
    Path dir;

    private static INDArray images(int samples, long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        long[] full = new long[shape.length + 1];
        full[0] = samples;
        System.arraycopy(shape, 0, full, 1, shape.length);
        return Nd4j.rand(DataType.DOUBLE, full);
    }

    @Test
    void augmentedDrawsAsTheFrontLayersKernelsAndLeavesTrainingAlone() {
        AbstractNetwork network = new TinyModels_AugmentedNetwork(5, DataType.DOUBLE);
        INDArray x = images(7, 2, 6, 6, 2);
        INDArray augmented = network.augmented(x, 11);

        // The model's front: @RandomFlip, then @RandomTranslation(height = 0.3, width = 0.3), one generator of seed 11.
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(11);
        INDArray flipped = x.ulike();
        RandomFlipKernel.forward(x, true, true, true, random, Nd4j.zeros(DataType.DOUBLE, 7, 2), flipped);
        INDArray shifted = x.ulike();
        RandomTranslationKernel.forward(flipped, 0.3, 0.3, FillMode.REFLECT, true, random,
                Nd4j.zeros(DataType.DOUBLE, 7, 2), shifted);
        assertEquals(shifted, augmented);
        assertNotEquals(x, augmented);
        assertEquals(augmented, network.augmented(x, 11), "the same seed, the same images");
        assertNotEquals(augmented, network.augmented(x, 12));
        assertEquals(x, network.unaugmented(x), "no Reshape or Rescaling: the images as they are");

        AbstractNetwork untouched = new TinyModels_AugmentedNetwork(5, DataType.DOUBLE);
        assertEquals(untouched.trainingOutput(x), network.trainingOutput(x),
                "the network's own training draws and weights are as before");
    }

    @Test
    void theFrontLayersReshapeAndRescaleInBothAndAModelWithoutThemIsRefused() {
        AbstractNetwork network = FashionCnnAugmentedNetwork.create(3);
        INDArray x = images(2, 4, 28, 28);
        assertEquals(x.reshape(2, 28, 28, 1).castTo(DataType.FLOAT), network.unaugmented(x));
        assertArrayEquals(new long[] {2, 28, 28, 1}, network.augmented(x, 1).shape());

        AbstractNetwork plain = FashionCnnNetwork.create(3);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> plain.augmented(x, 1));
        assertTrue(refused.getMessage().startsWith("augmented: FashionCnn does not begin with augmentation layers"),
                refused.getMessage());
        IllegalArgumentException wrongShape = assertThrows(IllegalArgumentException.class,
                () -> network.augmented(images(2, 4, 28, 27), 1));
        assertTrue(wrongShape.getMessage().startsWith("augmented: FashionCnnAugmented takes features of shape"),
                wrongShape.getMessage());
    }

    @Test
    void drawsEachImageThenItsVariantsSeeded() throws Exception {
        AbstractNetwork network = FashionCnnAugmentedNetwork.create(3);
        INDArray x = images(4, 5, 28, 28);
        Path file = dir.resolve("grid.png");
        AugmentationGrid.save(network, x, 3, 5, 7, file);
        BufferedImage picture = ImageIO.read(file.toFile());
        assertEquals(6 + 6 * (28 * 4 + 6), picture.getWidth(), "the image and five variants");
        assertEquals(6 + 3 * (28 * 4 + 6), picture.getHeight(), "three of the four images");
        // The first column is each image as it is: grey levels of its pixels.
        int grey = (int) Math.round(x.getDouble(1, 0, 0) * 255);
        assertEquals(grey, picture.getRGB(6, 6 + 28 * 4 + 6) & 0xff, "image 1's top left pixel");

        Path again = dir.resolve("again.png");
        AugmentationGrid.save(network, x, 3, 5, 7, again);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again), "the same seed draws the same grid");
        Path other = dir.resolve("other.png");
        AugmentationGrid.save(network, x, 3, 5, 8, other);
        assertTrue(!Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(other)), "another seed, other draws");
    }
}
