package dev.lamina.runtime.plots;

import dev.lamina.runtime.metrics.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A {@link ConfusionMatrix} as a heat map in a PNG: a row per true class, a column per predicted
 * class, each cell's count written in it, class names on both axes and a colour bar: what
 * scikit-learn's {@code ConfusionMatrixDisplay} draws. The colour runs from white for 0 to dark blue
 * for the largest count, linearly, so a darker cell always holds more samples; counts are white on
 * the darker half.
 *
 * <p>Drawn with Java2D rather than XChart's heat map, which cannot write a number in each cell.
 * Cells shrink as classes grow, from 120 pixels up to 4 classes to 36 from 13 classes on (a grid of
 * 720 pixels for 20), and the count font shrinks until the largest count fits its cell, so 2 to 20
 * classes stay legible; names too long to sit under their column are written upright.
 */
public final class ConfusionMatrixChart {
    private static final int MARGIN = 12;
    private static final int GAP = 6;
    private static final int COLOUR_BAR = 16;
    private static final Color EMPTY = Color.WHITE;
    /** The dark end of matplotlib's {@code Blues}, sklearn's default. */
    private static final Color FULL = new Color(8, 48, 107);
    private static final Font NAMES = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLES = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private ConfusionMatrixChart() {
    }

    public static void save(ConfusionMatrix matrix, Path file) throws IOException {
        Layout layout = Layout.of(matrix);
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, layout.width, layout.height);
        drawCells(g, matrix, layout);
        drawNames(g, matrix.classNames(), layout);
        drawTitles(g, layout);
        drawColourBar(g, matrix.maxCount(), layout);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** Where the cell of {@code actual} predicted as {@code predicted} lands in the image {@link #save} writes. */
    static Rectangle cell(ConfusionMatrix matrix, int actual, int predicted) {
        Layout layout = Layout.of(matrix);
        return new Rectangle(layout.gridX + predicted * layout.cell, layout.gridY + actual * layout.cell,
                layout.cell, layout.cell);
    }

    /** The colour of a cell holding {@code fraction} of the largest count. */
    static Color colour(double fraction) {
        return new Color(mix(EMPTY.getRed(), FULL.getRed(), fraction), mix(EMPTY.getGreen(), FULL.getGreen(), fraction),
                mix(EMPTY.getBlue(), FULL.getBlue(), fraction));
    }

    private static int mix(int from, int to, double fraction) {
        return (int) Math.round(from + (to - from) * fraction);
    }

    private static void drawCells(Graphics2D g, ConfusionMatrix matrix, Layout layout) {
        long max = matrix.maxCount();
        g.setFont(layout.countFont);
        FontMetrics metrics = g.getFontMetrics();
        for (int actual = 0; actual < matrix.classes(); actual++) {
            for (int predicted = 0; predicted < matrix.classes(); predicted++) {
                long count = matrix.count(actual, predicted);
                double fraction = max == 0 ? 0 : (double) count / max;
                int x = layout.gridX + predicted * layout.cell;
                int y = layout.gridY + actual * layout.cell;
                g.setColor(colour(fraction));
                g.fillRect(x, y, layout.cell, layout.cell);
                g.setColor(fraction > 0.5 ? Color.WHITE : Color.BLACK);
                String text = Long.toString(count);
                g.drawString(text, x + (layout.cell - metrics.stringWidth(text)) / 2,
                        y + (layout.cell + metrics.getAscent() - metrics.getDescent()) / 2);
            }
        }
        g.setColor(Color.GRAY);
        g.drawRect(layout.gridX, layout.gridY, layout.grid(), layout.grid());
    }

    private static void drawNames(Graphics2D g, List<String> names, Layout layout) {
        g.setFont(NAMES);
        g.setColor(Color.BLACK);
        FontMetrics metrics = g.getFontMetrics();
        int centring = (metrics.getAscent() - metrics.getDescent()) / 2;
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            int centre = c * layout.cell + layout.cell / 2;
            // Rows: right-aligned against the grid.
            g.drawString(name, layout.gridX - GAP - metrics.stringWidth(name), layout.gridY + centre + centring);
            // Columns: under the grid, across or upright.
            int top = layout.gridY + layout.grid() + GAP;
            if (layout.uprightColumnNames) {
                int x = layout.gridX + centre + centring;
                int y = top + metrics.stringWidth(name);
                g.rotate(-Math.PI / 2, x, y);
                g.drawString(name, x, y);
                g.rotate(Math.PI / 2, x, y);
            } else {
                g.drawString(name, layout.gridX + centre - metrics.stringWidth(name) / 2, top + metrics.getAscent());
            }
        }
    }

    private static void drawTitles(Graphics2D g, Layout layout) {
        g.setFont(TITLES);
        g.setColor(Color.BLACK);
        FontMetrics metrics = g.getFontMetrics();
        String predicted = "Predicted";
        g.drawString(predicted, layout.gridX + (layout.grid() - metrics.stringWidth(predicted)) / 2,
                layout.height - MARGIN - metrics.getDescent());
        String actual = "True";
        int x = MARGIN + metrics.getAscent();
        int y = layout.gridY + (layout.grid() + metrics.stringWidth(actual)) / 2;
        g.rotate(-Math.PI / 2, x, y);
        g.drawString(actual, x, y);
        g.rotate(Math.PI / 2, x, y);
    }

    /** A vertical bar from the largest count at the top to 0 at the bottom, both labelled. */
    private static void drawColourBar(Graphics2D g, long max, Layout layout) {
        int x = layout.gridX + layout.grid() + 2 * GAP;
        int height = layout.grid();
        for (int y = 0; y < height; y++) {
            g.setColor(colour(1 - (double) y / Math.max(height - 1, 1)));
            g.fillRect(x, layout.gridY + y, COLOUR_BAR, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, layout.gridY, COLOUR_BAR, height);
        g.setFont(NAMES);
        g.setColor(Color.BLACK);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(Long.toString(max), x + COLOUR_BAR + GAP, layout.gridY + metrics.getAscent());
        g.drawString("0", x + COLOUR_BAR + GAP, layout.gridY + height);
    }

    /** The sizes and places of everything, from the matrix and the fonts' metrics. */
    private record Layout(int classes, int cell, Font countFont, boolean uprightColumnNames, int gridX, int gridY, int width,
                          int height) {
        static Layout of(ConfusionMatrix matrix) {
            int classes = matrix.classes();
            int cell = Math.max(36, Math.min(120, 480 / classes));
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scratch.createGraphics();
            FontMetrics names = g.getFontMetrics(NAMES);
            FontMetrics titles = g.getFontMetrics(TITLES);
            int widestName = 0;
            for (String name : matrix.classNames()) {
                widestName = Math.max(widestName, names.stringWidth(name));
            }
            Font countFont = countFont(g, Long.toString(matrix.maxCount()), cell);
            g.dispose();

            boolean upright = widestName > cell - 4;
            int columnNames = upright ? widestName : names.getHeight();
            int gridX = MARGIN + titles.getHeight() + GAP + widestName + GAP;
            int gridY = MARGIN;
            int grid = classes * cell;
            int width = gridX + grid + 2 * GAP + COLOUR_BAR + GAP + names.stringWidth(Long.toString(matrix.maxCount()))
                    + MARGIN;
            int height = gridY + grid + GAP + columnNames + GAP + titles.getHeight() + MARGIN;
            return new Layout(classes, cell, countFont, upright, gridX, gridY, width, height);
        }

        /** The largest font, up to 16 points and a third of the cell, in which {@code widest} fits a cell. */
        private static Font countFont(Graphics2D g, String widest, int cell) {
            int size = Math.min(16, cell / 3);
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, size);
            while (size > 7 && g.getFontMetrics(font).stringWidth(widest) > cell - 6) {
                size--;
                font = font.deriveFont((float) size);
            }
            return font;
        }

        /** The side of the grid of cells. */
        int grid() {
            return classes * cell;
        }
    }
}
