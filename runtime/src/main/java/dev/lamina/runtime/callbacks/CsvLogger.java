package dev.lamina.runtime.callbacks;

import dev.lamina.runtime.training.Callback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes every epoch's logs as a CSV row (epoch, then the metrics), as Keras' CSVLogger; flushed each epoch. */
public final class CsvLogger implements Callback {
    private final Path file;
    private Writer writer;
    private List<String> columns;

    public CsvLogger(Path file) {
        this.file = file;
    }

    @Override
    public void onTrainBegin(Training training) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
        try {
            if (columns == null) {
                columns = List.copyOf(logs.keySet());
                writer.write("epoch," + String.join(",", columns) + "\n");
            }
            writer.write(epoch + "," + columns.stream().map(c -> String.valueOf(logs.get(c)))
                    .collect(Collectors.joining(",")) + "\n");
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void onTrainEnd(Training training, dev.lamina.runtime.training.History history) {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
