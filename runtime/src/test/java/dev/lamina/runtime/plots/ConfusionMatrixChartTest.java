package dev.lamina.runtime.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.metrics.ConfusionMatrix;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixChartTest {
    @TempDir
    Path directory;

    @Test
    void cellsWithLargerCountsAreDarker() throws IOException {
        ConfusionMatrix matrix = new ConfusionMatrix(List.of("cat", "dog", "bird"));
        add(matrix, 0, 0, 50);
        add(matrix, 0, 1, 5);
        add(matrix, 1, 1, 30);
        add(matrix, 2, 0, 12);
        add(matrix, 2, 2, 20);
        BufferedImage image = save(matrix, "three.png");

        // Three cells of 120 pixels, the names and titles around them.
        assertTrue(image.getWidth() > 360 && image.getWidth() < 600, "width " + image.getWidth());
        assertTrue(image.getHeight() > 360 && image.getHeight() < 600, "height " + image.getHeight());
        int[][] order = {{0, 0}, {1, 1}, {2, 2}, {2, 0}, {0, 1}, {1, 0}}; // 50, 30, 20, 12, 5, 0
        for (int i = 1; i < order.length; i++) {
            double darker = brightness(image, matrix, order[i - 1]);
            double lighter = brightness(image, matrix, order[i]);
            assertTrue(darker < lighter, "cell " + i + ": " + darker + " then " + lighter);
        }
        assertEquals(255.0, brightness(image, matrix, new int[] {1, 0}), "an empty cell is white");
    }

    @Test
    void writesTheCountInItsCell() throws IOException {
        ConfusionMatrix matrix = new ConfusionMatrix(2);
        add(matrix, 0, 0, 7);
        add(matrix, 1, 1, 7);
        add(matrix, 1, 0, 1);
        BufferedImage image = save(matrix, "two.png");
        // The empty cell, white, has black digits drawn at its centre: some dark pixels.
        assertTrue(darkPixels(image, ConfusionMatrixChart.cell(matrix, 0, 1)) > 0, "a 0 is drawn");
        // The full ones, dark, have white digits: some light pixels.
        Rectangle full = ConfusionMatrixChart.cell(matrix, 1, 1);
        assertTrue(darkPixels(image, full) < full.width * full.height - 20, "a 7 is drawn");
    }

    @Test
    void twentyClassesWithLongNamesFitAReadableImage() throws IOException {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            names.add("class number " + c);
        }
        ConfusionMatrix matrix = new ConfusionMatrix(names);
        for (int actual = 0; actual < 20; actual++) {
            for (int predicted = 0; predicted < 20; predicted++) {
                add(matrix, actual, predicted, actual == predicted ? 9000 + actual : (actual * predicted) % 37);
            }
        }
        BufferedImage image = save(matrix, "twenty.png");
        Rectangle last = ConfusionMatrixChart.cell(matrix, 19, 19);
        assertEquals(36, last.width, "the smallest cells");
        assertTrue(last.x + last.width < image.getWidth() && last.y + last.height < image.getHeight());
        assertTrue(image.getWidth() < 1200 && image.getHeight() < 1200,
                image.getWidth() + " x " + image.getHeight());
    }

    private BufferedImage save(ConfusionMatrix matrix, String name) throws IOException {
        Path file = directory.resolve(name);
        ConfusionMatrixChart.save(matrix, file);
        return ImageIO.read(file.toFile());
    }

    private static void add(ConfusionMatrix matrix, int actual, int predicted, int times) {
        for (int i = 0; i < times; i++) {
            matrix.add(actual, predicted);
        }
    }

    /** The mean of red, green and blue near the top left corner of a cell, away from its count. */
    private static double brightness(BufferedImage image, ConfusionMatrix matrix, int[] cell) {
        Rectangle bounds = ConfusionMatrixChart.cell(matrix, cell[0], cell[1]);
        int rgb = image.getRGB(bounds.x + 4, bounds.y + 4);
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3.0;
    }

    private static int darkPixels(BufferedImage image, Rectangle bounds) {
        int dark = 0;
        for (int y = bounds.y + 1; y < bounds.y + bounds.height - 1; y++) {
            for (int x = bounds.x + 1; x < bounds.x + bounds.width - 1; x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
