package dev.lamina.runtime.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The loss and metrics of every epoch of a {@code fit}, as Keras' History. */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private int epochs;

    void add(Map<String, Double> logs) {
        logs.forEach((name, value) -> values.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
        epochs++;
    }

    /** How many epochs ran. */
    public int epochs() {
        return epochs;
    }

    /** The recorded names: loss, accuracy, val_loss, val_accuracy. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** The values of {@code name}, one per epoch. */
    public List<Double> get(String name) {
        List<Double> series = values.get(name);
        if (series == null) {
            throw new IllegalArgumentException("No metric '" + name + "' was recorded; there are " + names());
        }
        return Collections.unmodifiableList(series);
    }

    /** Writes one row per epoch: {@code epoch} (from 1), then every recorded metric. */
    public void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("epoch");
        values.keySet().forEach(name -> csv.append(',').append(name));
        csv.append('\n');
        for (int epoch = 0; epoch < epochs; epoch++) {
            csv.append(epoch + 1);
            for (List<Double> series : values.values()) {
                csv.append(',').append(series.get(epoch));
            }
            csv.append('\n');
        }
        Files.writeString(file, csv);
    }

    /** The value of {@code name} after the last epoch. */
    public double last(String name) {
        List<Double> series = get(name);
        return series.get(series.size() - 1);
    }
}
