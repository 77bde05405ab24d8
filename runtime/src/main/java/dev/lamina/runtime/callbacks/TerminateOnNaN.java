package dev.lamina.runtime.callbacks;

import dev.lamina.runtime.training.Callback;
import java.io.PrintStream;
import java.util.Map;

/** Stops training at the first batch whose loss is NaN or infinite, with a message, as Keras' TerminateOnNaN. */
public final class TerminateOnNaN implements Callback {
    private final PrintStream out;

    public TerminateOnNaN() {
        this(System.out);
    }

    public TerminateOnNaN(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onBatchEnd(Training training, int batch, Map<String, Double> logs) {
        double loss = logs.getOrDefault("batch_loss", logs.get("loss"));
        if (!Double.isFinite(loss)) {
            out.println("Batch " + batch + ": invalid loss " + loss + ", terminating training");
            training.stop();
        }
    }
}
