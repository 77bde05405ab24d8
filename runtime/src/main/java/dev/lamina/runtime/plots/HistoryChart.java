package dev.lamina.runtime.plots;

import dev.lamina.runtime.training.History;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The loss and accuracy curves of a {@link History}, training and validation, side by side in one
 * PNG: what Keras users draw with matplotlib after {@code fit}. Drawn with XChart.
 */
public final class HistoryChart {
    /** The size of each of the two charts; the image is twice as wide. */
    public static final int WIDTH = 600;
    public static final int HEIGHT = 400;

    private HistoryChart() {
    }

    public static void save(History history, Path file) throws IOException {
        BufferedImage image = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.drawImage(BitmapEncoder.getBufferedImage(chart(history, "loss", "Loss")), 0, 0, null);
        graphics.drawImage(BitmapEncoder.getBufferedImage(chart(history, "accuracy", "Accuracy")), WIDTH, 0, null);
        graphics.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static XYChart chart(History history, String metric, String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("Epoch").yAxisTitle(metric).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisDecimalPattern("0.000");
        chart.getStyler().setXAxisDecimalPattern("0");
        // Losses fall and accuracies rise: keep the legend in the corner the curves leave free.
        chart.getStyler().setLegendPosition(metric.contains("acc") ? Styler.LegendPosition.InsideSE
                : Styler.LegendPosition.InsideNE);
        List<Integer> epochs = IntStream.rangeClosed(1, history.epochs()).boxed().toList();
        add(chart, history, metric, "training", epochs);
        add(chart, history, "val_" + metric, "validation", epochs);
        return chart;
    }

    private static void add(XYChart chart, History history, String name, String label, List<Integer> epochs) {
        if (history.names().contains(name)) {
            chart.addSeries(label, epochs, history.get(name)).setMarker(SeriesMarkers.CIRCLE);
        }
    }
}
