package dev.lamina.runtime.callbacks;

import dev.lamina.runtime.optimizers.Parameter;
import dev.lamina.runtime.training.Callback;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stops training when a monitored metric has stopped improving, as Keras' EarlyStopping: after
 * {@code patience} epochs without an improvement of more than {@code minDelta}. With
 * {@code restoreBestWeights}, the weights of the best epoch are put back when it stops.
 */
public final class EarlyStopping implements Callback {
    private final String monitor;
    private final double minDelta;
    private final int patience;
    private final Mode mode;
    private final boolean restoreBestWeights;
    private double best;
    private int wait;
    private int bestEpoch = -1;
    private int stoppedEpoch = -1;
    private List<INDArray> bestWeights;

    /** Keras' defaults: monitor val_loss, no min delta, no patience, mode auto, no restore. */
    public EarlyStopping() {
        this("val_loss", 0, 0, Mode.AUTO, false);
    }

    public EarlyStopping(String monitor, double minDelta, int patience, Mode mode, boolean restoreBestWeights) {
        if (patience < 0 || minDelta < 0) {
            throw new IllegalArgumentException("patience and minDelta must not be negative");
        }
        this.monitor = monitor;
        this.minDelta = minDelta;
        this.patience = patience;
        this.mode = mode.resolve(monitor);
        this.restoreBestWeights = restoreBestWeights;
    }

    @Override
    public void onTrainBegin(Training training) {
        best = mode.worst();
        wait = 0;
        bestEpoch = -1;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
        double current = Monitored.value(logs, monitor, "EarlyStopping");
        if (mode.improves(current, best, minDelta) || bestEpoch < 0) {
            best = current;
            bestEpoch = epoch;
            wait = 0;
            if (restoreBestWeights) {
                bestWeights = training.network().parameters().stream().map(p -> p.value().dup()).toList();
            }
            return;
        }
        // As Keras: stop on the patience-th epoch in a row without improvement (the first, for 0).
        wait++;
        if (wait >= patience) {
            stoppedEpoch = epoch;
            training.stop();
            if (restoreBestWeights && bestWeights != null) {
                List<Parameter> parameters = training.network().parameters();
                training.network().changeWeights(() -> {
                    for (int i = 0; i < parameters.size(); i++) {
                        parameters.get(i).value().assign(bestWeights.get(i));
                    }
                });
            }
        }
    }

    /** The epoch (from 0) at which training was stopped, or -1 if it was not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The epoch (from 0) with the best monitored value. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
