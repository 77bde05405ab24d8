package dev.lamina.runtime.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AugmentationGridTest {
    @TempDir
    Path dir;

    @Test
    void drawsEachImageThenItsVariantsSeeded() throws Exception {
        // A bright left column on black: a horizontal flip moves it right.
        INDArray images = Nd4j.zeros(DataType.FLOAT, 2, 5, 5, 1);
        for (int y = 0; y < 5; y++) {
            images.putScalar(new long[] {0, y, 0, 0}, 1);
            images.putScalar(new long[] {1, y, 0, 0}, 1);
        }
        Path file = dir.resolve("grid.png");
        AugmentationGrid.save(images, 2, 6, 3, file, AugmentationGrid.flip(true, false),
                AugmentationGrid.translation(0.2, 0, true));
        BufferedImage picture = ImageIO.read(file.toFile());
        assertEquals(6 + 7 * (5 * 4 + 6), picture.getWidth());
        assertEquals(6 + 2 * (5 * 4 + 6), picture.getHeight());
        Path again = dir.resolve("again.png");
        AugmentationGrid.save(images, 2, 6, 3, again, AugmentationGrid.flip(true, false),
                AugmentationGrid.translation(0.2, 0, true));
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again), "the same seed draws the same grid");
        Path other = dir.resolve("other.png");
        AugmentationGrid.save(images, 2, 6, 4, other, AugmentationGrid.flip(true, false));
        assertNotEquals(java.util.Arrays.toString(Files.readAllBytes(file)), java.util.Arrays.toString(Files.readAllBytes(other)));
    }
}
