package dev.lamina.runtime.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A grid of images with their true and predicted classes, wrong predictions in red: the picture the
 * Keras tutorials draw with matplotlib after training. Images are grey levels in [0, 1].
 */
public final class PredictionGrid {
    /** Pixels per image pixel. */
    private static final int SCALE = 3;
    /** Room under each image for its caption. */
    private static final int CAPTION = 30;
    private static final int MARGIN = 8;

    private PredictionGrid() {
    }

    /**
     * Draws the first {@code rows x columns} images of {@code images} (samples, height, width).
     *
     * @param predictions the model's outputs (samples, classes): the largest is the prediction
     * @param classNames the name of each class, for the captions
     */
    public static void save(INDArray images, int[] labels, INDArray predictions, List<String> classNames, int rows,
                            int columns, Path file) throws IOException {
        int height = (int) images.size(1);
        int width = (int) images.size(2);
        int cellWidth = width * SCALE + 2 * MARGIN + 40;
        int cellHeight = height * SCALE + CAPTION + MARGIN;
        BufferedImage image = new BufferedImage(columns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        long[] predicted = predictions.argMax(1).toLongVector();
        int count = (int) Math.min(images.size(0), (long) rows * columns);
        for (int i = 0; i < count; i++) {
            int x0 = (i % columns) * cellWidth + MARGIN + 20;
            int y0 = (i / columns) * cellHeight + MARGIN;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int level = 255 - (int) Math.round(Math.max(0, Math.min(1, images.getDouble(i, y, x))) * 255);
                    g.setColor(new Color(level, level, level));
                    g.fillRect(x0 + x * SCALE, y0 + y * SCALE, SCALE, SCALE);
                }
            }
            boolean right = predicted[i] == labels[i];
            g.setColor(right ? new Color(0, 110, 0) : Color.RED);
            if (!right) {
                g.drawRect(x0 - 2, y0 - 2, width * SCALE + 3, height * SCALE + 3);
            }
            String caption = classNames.get((int) predicted[i]) + (right ? "" : " (true: " + classNames.get(labels[i]) + ")");
            g.drawString(caption, x0 - 18, y0 + height * SCALE + 16);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
