package dev.lamina.runtime.training;

import java.util.Map;

/**
 * Hooks into {@code fit}. Logs map metric names ({@code loss}, {@code accuracy}, {@code val_loss},
 * {@code val_accuracy}) to their values for the epoch just ended.
 */
public interface Callback {

    /** Called after every epoch; {@code epoch} counts from 0. Call {@link Training#stop()} to end fit. */
    default void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
    }

    /** The running fit, as callbacks see it. */
    interface Training {
        /** Ends training after the current epoch. */
        void stop();
    }
}
