package dev.lamina.runtime.plots;

import dev.lamina.runtime.kernels.RandomFlipKernel;
import dev.lamina.runtime.kernels.RandomTranslationKernel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A grid of augmented images, to see what a model's augmentation layers do to its training data: one
 * row per image, the image itself first, then {@code variants} augmentations of it, each drawn anew
 * as a training step of fit draws them. Images are (samples, height, width, channels) of one channel
 * (grey) or three (red, green, blue), values in [0, 1].
 */
public final class AugmentationGrid {
    /** Pixels per image pixel. */
    private static final int SCALE = 4;
    private static final int MARGIN = 6;

    /** One augmentation layer's training forward pass: the kernels' signature with the draws kept inside. */
    @FunctionalInterface
    public interface Augmentation {
        /** Writes {@code x} (batch, height, width, channels) augmented into {@code y}, drawing from {@code random}. */
        void apply(INDArray x, Random random, INDArray y);
    }

    private AugmentationGrid() {
    }

    /** {@code @RandomFlip}'s: horizontal, vertical or both. */
    public static Augmentation flip(boolean horizontal, boolean vertical) {
        return (x, random, y) -> RandomFlipKernel.forward(x, horizontal, vertical, true, random,
                Nd4j.zeros(x.dataType(), x.size(0), 2), y);
    }

    /** {@code @RandomTranslation}'s: the factors in [0, 1]; reflected or zero-filled. */
    public static Augmentation translation(double height, double width, boolean reflect) {
        return (x, random, y) -> RandomTranslationKernel.forward(x, height, width, reflect, true, random,
                Nd4j.zeros(x.dataType(), x.size(0), 2), y);
    }

    /**
     * Draws the first {@code rows} images of {@code images}, each followed by {@code variants} of it
     * through {@code augmentations} in order, drawn from {@code seed}.
     */
    public static void save(INDArray images, int rows, int variants, long seed, Path file, Augmentation... augmentations)
            throws IOException {
        int count = (int) Math.min(rows, images.size(0));
        int height = (int) images.size(1);
        int width = (int) images.size(2);
        int channels = (int) images.size(3);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("AugmentationGrid draws images of 1 or 3 channels but these have " + channels);
        }
        int cellWidth = width * SCALE + MARGIN;
        int cellHeight = height * SCALE + MARGIN;
        BufferedImage picture = new BufferedImage((variants + 1) * cellWidth + MARGIN, count * cellHeight + MARGIN,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        INDArray batch = images.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, count)).dup('c');
        for (int column = 0; column <= variants; column++) {
            INDArray shown = batch;
            if (column > 0) {
                for (Augmentation augmentation : augmentations) {
                    INDArray next = shown.ulike();
                    augmentation.apply(shown, random, next);
                    shown = next;
                }
            }
            for (int row = 0; row < count; row++) {
                draw(g, shown, row, MARGIN + column * cellWidth, MARGIN + row * cellHeight);
            }
        }
        g.dispose();
        ImageIO.write(picture, "png", file.toFile());
    }

    private static void draw(Graphics2D g, INDArray images, int n, int x0, int y0) {
        int channels = (int) images.size(3);
        for (int y = 0; y < images.size(1); y++) {
            for (int x = 0; x < images.size(2); x++) {
                int[] rgb = new int[3];
                for (int c = 0; c < 3; c++) {
                    double value = images.getDouble(n, y, x, channels == 1 ? 0 : c);
                    rgb[c] = (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
                }
                g.setColor(new Color(rgb[0], rgb[1], rgb[2]));
                g.fillRect(x0 + x * SCALE, y0 + y * SCALE, SCALE, SCALE);
            }
        }
    }
}
