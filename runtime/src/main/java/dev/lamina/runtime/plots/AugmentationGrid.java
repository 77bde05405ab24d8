package dev.lamina.runtime.plots;

import dev.lamina.runtime.training.AbstractNetwork;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A grid of augmented images, to see what a model's augmentation layers do to its training data: one
 * row per image, the image itself first (as evaluate and predict see it), then {@code variants}
 * augmentations of it, drawn by the network's own layers as a training step of fit draws them
 * ({@link AbstractNetwork#augmented}). The augmented images are (height, width, channels) of one
 * channel (grey) or three (red, green, blue), values in [0, 1] (anything outside is drawn as 0 or 1).
 */
public final class AugmentationGrid {
    /** Pixels per image pixel. */
    private static final int SCALE = 4;
    private static final int MARGIN = 6;

    private AugmentationGrid() {
    }

    /**
     * Draws the first {@code rows} of {@code images} (samples, the model's input shape...), each
     * followed by {@code variants} of it through {@code network}'s augmentation layers, drawn from
     * {@code seed}, into the PNG {@code file}.
     *
     * @throws IllegalStateException    if the model does not begin with augmentation layers
     * @throws IllegalArgumentException if the images do not fit the model, or its augmented images
     *                                  are not of 1 or 3 channels
     */
    public static void save(AbstractNetwork network, INDArray images, int rows, int variants, long seed, Path file)
            throws IOException {
        if (rows < 1 || variants < 1) {
            throw new IllegalArgumentException("AugmentationGrid needs at least one row and one variant, not " + rows
                    + " rows of " + variants);
        }
        int count = (int) Math.min(rows, images.size(0));
        INDArray shown = images.get(NDArrayIndex.interval(0, count));
        INDArray originals = network.unaugmented(shown);
        if (originals.rank() != 4 || (originals.size(3) != 1 && originals.size(3) != 3)) {
            throw new IllegalArgumentException("AugmentationGrid draws images (height, width, channels) of 1 or 3"
                    + " channels but " + network.modelName() + "'s augmentation layers output "
                    + Arrays.toString(Arrays.copyOfRange(originals.shape(), 1, originals.rank())));
        }
        // Every variant of every image in one batch: variant v of image r is sample v · count + r.
        INDArray[] copies = new INDArray[variants];
        Arrays.fill(copies, shown);
        INDArray augmented = network.augmented(Nd4j.concat(0, copies), seed);

        int height = (int) originals.size(1);
        int width = (int) originals.size(2);
        int cellWidth = width * SCALE + MARGIN;
        int cellHeight = height * SCALE + MARGIN;
        BufferedImage picture = new BufferedImage((variants + 1) * cellWidth + MARGIN, count * cellHeight + MARGIN,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        for (int row = 0; row < count; row++) {
            draw(g, originals, row, MARGIN, MARGIN + row * cellHeight);
            for (int variant = 0; variant < variants; variant++) {
                draw(g, augmented, variant * count + row, MARGIN + (variant + 1) * cellWidth, MARGIN + row * cellHeight);
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
