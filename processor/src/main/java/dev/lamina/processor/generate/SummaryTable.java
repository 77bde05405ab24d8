package dev.lamina.processor.generate;

import dev.lamina.processor.check.CheckedLayer;
import dev.lamina.processor.check.CheckedModel;
import java.util.Locale;

/**
 * The model summary in Keras' text layout: one row per layer with its name and type, output shape
 * (batch written as None) and parameter count, then the totals. Computed at compile time, so the
 * generated class prints it and shows it in its Javadoc.
 */
final class SummaryTable {
    private static final int WIDTH = 65;

    private SummaryTable() {
    }

    static String format(CheckedModel model) {
        StringBuilder table = new StringBuilder();
        table.append("Model: \"").append(model.description().modelName()).append("\"\n");
        table.append("_".repeat(WIDTH)).append('\n');
        table.append(row("Layer (type)", "Output Shape", "Param #"));
        table.append("=".repeat(WIDTH)).append('\n');
        for (CheckedLayer layer : model.layers()) {
            String shape = "(None, " + layer.output().toString().substring(1);
            table.append(row(layer.name() + " (" + layer.layer().spec().kind() + ")", shape,
                    Long.toString(layer.parameters())));
        }
        table.append("=".repeat(WIDTH)).append('\n');
        long total = model.parameterCount();
        table.append(String.format(Locale.ROOT, "Total params: %,d%n", total).replace(System.lineSeparator(), "\n"));
        table.append(String.format(Locale.ROOT, "Trainable params: %,d%n", total).replace(System.lineSeparator(), "\n"));
        table.append("Non-trainable params: 0\n");
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
