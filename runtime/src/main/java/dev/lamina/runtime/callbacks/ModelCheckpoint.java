package dev.lamina.runtime.callbacks;

import dev.lamina.runtime.checkpoint.Checkpoint;
import dev.lamina.runtime.training.Callback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saves the network after every epoch, or only when a monitored metric improves, as Keras'
 * ModelCheckpoint. A {@code {epoch}} in the file name becomes the epoch's number (from 1). Saving is
 * atomic ({@link Checkpoint}), so a crash mid-save keeps the last good file.
 */
public final class ModelCheckpoint implements Callback {
    private final String file;
    private final String monitor;
    private final boolean saveBestOnly;
    private final Mode mode;
    private double best;

    /** Saves after every epoch. */
    public ModelCheckpoint(Path file) {
        this(file, "val_loss", false, Mode.AUTO);
    }

    public ModelCheckpoint(Path file, String monitor, boolean saveBestOnly, Mode mode) {
        this.file = file.toString();
        this.monitor = monitor;
        this.saveBestOnly = saveBestOnly;
        this.mode = mode.resolve(monitor);
    }

    @Override
    public void onTrainBegin(Training training) {
        best = mode.worst();
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
        if (saveBestOnly) {
            double current = Monitored.value(logs, monitor, "ModelCheckpoint");
            if (!mode.improves(current, best, 0)) {
                return;
            }
            best = current;
        }
        Path target = Path.of(file.replace("{epoch}", Integer.toString(epoch + 1)));
        try {
            Checkpoint.save(training.network(), target, epoch + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint could not save " + target, e);
        }
    }
}
