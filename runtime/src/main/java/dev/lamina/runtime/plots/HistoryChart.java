package dev.lamina.runtime.plots;

import dev.lamina.runtime.training.History;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The curves of a {@link History}, one chart per quantity (the loss, then each metric the model
 * declares), training and validation together, side by side in one PNG: what Keras users draw with
 * matplotlib after {@code fit}. Drawn with XChart.
 */
public final class HistoryChart {
    /** The size of each chart; the image is as many times as wide as there are charts. */
    public static final int WIDTH = 600;
    public static final int HEIGHT = 400;
    /** Metrics whose names are abbreviations, written in capitals in a title. */
    private static final Set<String> ABBREVIATIONS = Set.of("auc", "mae", "rmse");

    private HistoryChart() {
    }

    public static void save(History history, Path file) throws IOException {
        List<String> quantities = history.names().stream().filter(name -> !name.startsWith("val_")).toList();
        BufferedImage image = new BufferedImage(quantities.size() * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < quantities.size(); i++) {
            String quantity = quantities.get(i);
            String title = title(quantity);
            graphics.drawImage(BitmapEncoder.getBufferedImage(chart(history, quantity, title)), i * WIDTH, 0, null);
        }
        graphics.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** A log name as a chart's title: "Loss", "Top k accuracy", "F1 score", "AUC", "MAE". */
    static String title(String quantity) {
        if (ABBREVIATIONS.contains(quantity)) {
            return quantity.toUpperCase(Locale.ROOT);
        }
        String words = quantity.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
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
