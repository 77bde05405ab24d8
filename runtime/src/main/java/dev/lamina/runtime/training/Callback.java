package dev.lamina.runtime.training;

import java.util.Map;

/**
 * Hooks into {@code fit}, as Keras' callbacks. Epochs and batches count from 0. Epoch logs map
 * {@code loss}, the metrics the model declares ({@code accuracy}) and, with validation data,
 * {@code val_loss} and {@code val_accuracy} to the epoch's values; batch logs hold the running loss
 * and metrics of the epoch so far. Any hook may call {@link Training#stop()}.
 */
public interface Callback {

    default void onTrainBegin(Training training) {
    }

    default void onTrainEnd(Training training, History history) {
    }

    default void onEpochBegin(Training training, int epoch) {
    }

    default void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
    }

    default void onBatchBegin(Training training, int batch) {
    }

    /** Also {@code batch_loss}: this batch's own loss, which {@link dev.lamina.runtime.callbacks.TerminateOnNaN} watches. */
    default void onBatchEnd(Training training, int batch, Map<String, Double> logs) {
    }

    /**
     * Whether this callback sets the optimizer's learning rate, as {@link
     * dev.lamina.runtime.callbacks.ReduceLROnPlateau} does: {@code fit} then logs the rate as {@code
     * learning_rate}, as with a schedule, and refuses a schedule beside it, which would undo its changes.
     */
    default boolean setsLearningRate() {
        return false;
    }

    /** The running fit, as callbacks see it. */
    interface Training {
        /** Ends training: after the current batch, and no further epoch begins. */
        void stop();

        /** Whether {@link #stop()} was called. */
        boolean stopped();

        /** The network being trained. */
        Network network();
    }
}
