package dev.lamina.dsl;

import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

/**
 * The model summary in Keras' text layout: one row per layer with its name and type, output shape
 * (batch written as None) and parameter count, then the totals, trainable and not. The processor
 * writes it into the generated class's Javadoc and the runtime prints it, both from this one layout.
 */
public final class SummaryTable {
    private static final int WIDTH = 65;

    /**
     * One layer's row.
     *
     * @param trainable and {@code nonTrainable}: its parameter values of each kind
     */
    public record Row(String layer, String kind, Shape output, long trainable, long nonTrainable) {
    }

    private SummaryTable() {
    }

    public static String format(String modelName, List<Row> rows) {
        StringBuilder table = new StringBuilder();
        table.append("Model: \"").append(modelName).append("\"\n");
        table.append("_".repeat(WIDTH)).append('\n');
        table.append(row("Layer (type)", "Output Shape", "Param #"));
        table.append("=".repeat(WIDTH)).append('\n');
        for (Row row : rows) {
            String shape = "(None, " + row.output().toString().substring(1);
            table.append(row(row.layer() + " (" + row.kind() + ")", shape,
                    Long.toString(Shape.total(LongStream.of(row.trainable(), row.nonTrainable())))));
        }
        long trainable = Shape.total(rows.stream().mapToLong(Row::trainable));
        long nonTrainable = Shape.total(rows.stream().mapToLong(Row::nonTrainable));
        table.append("=".repeat(WIDTH)).append('\n');
        table.append(String.format(Locale.ROOT, "Total params: %,d\n", Shape.total(LongStream.of(trainable, nonTrainable))));
        table.append(String.format(Locale.ROOT, "Trainable params: %,d\n", trainable));
        table.append(String.format(Locale.ROOT, "Non-trainable params: %,d\n", nonTrainable));
        table.append("_".repeat(WIDTH)).append('\n');
        return table.toString();
    }

    private static String row(String layer, String shape, String parameters) {
        return (" " + pad(layer, 28) + pad(shape, 26) + parameters).stripTrailing() + "\n";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
