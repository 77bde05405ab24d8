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
    /** Keras' columns: layer and type, output shape, and what is left of its 65 characters for the count. */
    private static final int LAYER = 28;
    private static final int SHAPE = 26;
    private static final int PARAMETERS = 10;
    private static final String CONNECTED_TO = "Connected to";

    /**
     * One layer's row.
     *
     * @param trainable and {@code nonTrainable}: its parameter values of each kind
     * @param connectedTo the layers whose outputs it takes ("input" for the model's input), shown in
     *     a "Connected to" column as Keras' functional summary does; empty in a chain, which has none
     */
    public record Row(String layer, String kind, Shape output, long trainable, long nonTrainable,
                      List<String> connectedTo) {
        public Row {
            connectedTo = List.copyOf(connectedTo);
        }

        /** A row of a chain, without "Connected to". */
        public Row(String layer, String kind, Shape output, long trainable, long nonTrainable) {
            this(layer, kind, output, trainable, nonTrainable, List.of());
        }
    }

    private SummaryTable() {
    }

    /** The table; a column widens past Keras' width where a name or shape would not fit in it, so the columns stay aligned. */
    public static String format(String modelName, List<Row> rows) {
        int layerWidth = Math.max(LAYER, rows.stream().mapToInt(row -> layer(row).length() + 1).max().orElse(0));
        int shapeWidth = Math.max(SHAPE, rows.stream().mapToInt(row -> shape(row).length() + 1).max().orElse(0));
        boolean connected = rows.stream().anyMatch(row -> !row.connectedTo().isEmpty());
        int width = 1 + layerWidth + shapeWidth + PARAMETERS + (connected ? Math.max(CONNECTED_TO.length(),
                rows.stream().mapToInt(row -> connections(row).length()).max().orElse(0)) : 0);
        StringBuilder table = new StringBuilder();
        table.append("Model: \"").append(modelName).append("\"\n");
        table.append("_".repeat(width)).append('\n');
        table.append(row("Layer (type)", layerWidth, "Output Shape", shapeWidth, "Param #", connected ? CONNECTED_TO : ""));
        table.append("=".repeat(width)).append('\n');
        for (Row row : rows) {
            table.append(row(layer(row), layerWidth, shape(row), shapeWidth,
                    Long.toString(Shape.total(LongStream.of(row.trainable(), row.nonTrainable()))), connections(row)));
        }
        long trainable = Shape.total(rows.stream().mapToLong(Row::trainable));
        long nonTrainable = Shape.total(rows.stream().mapToLong(Row::nonTrainable));
        table.append("=".repeat(width)).append('\n');
        table.append(String.format(Locale.ROOT, "Total params: %,d\n", Shape.total(LongStream.of(trainable, nonTrainable))));
        table.append(String.format(Locale.ROOT, "Trainable params: %,d\n", trainable));
        table.append(String.format(Locale.ROOT, "Non-trainable params: %,d\n", nonTrainable));
        table.append("_".repeat(width)).append('\n');
        return table.toString();
    }

    private static String connections(Row row) {
        return String.join(", ", row.connectedTo());
    }

    private static String layer(Row row) {
        return row.layer() + " (" + row.kind() + ")";
    }

    private static String shape(Row row) {
        return "(None, " + row.output().toString().substring(1);
    }

    private static String row(String layer, int layerWidth, String shape, int shapeWidth, String parameters,
                              String connectedTo) {
        return (" " + pad(layer, layerWidth) + pad(shape, shapeWidth) + pad(parameters, PARAMETERS) + connectedTo)
                .stripTrailing() + "\n";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
