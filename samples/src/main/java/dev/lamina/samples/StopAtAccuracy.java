package dev.lamina.samples;

import dev.lamina.runtime.training.Callback;
import java.io.PrintStream;
import java.util.Map;

/**
 * Stops training once the training accuracy of an epoch reaches a target, with a message, as the
 * callback of the TensorFlow course's MNIST exercises.
 */
final class StopAtAccuracy implements Callback {
    private final double target;
    private final PrintStream out;
    private boolean reached;

    StopAtAccuracy(double target, PrintStream out) {
        this.target = target;
        this.out = out;
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
        if (logs.get("accuracy") >= target) {
            reached = true;
            out.printf("Reached %.1f%% accuracy so cancelling training!%n", target * 100);
            training.stop();
        }
    }

    boolean reached() {
        return reached;
    }
}
