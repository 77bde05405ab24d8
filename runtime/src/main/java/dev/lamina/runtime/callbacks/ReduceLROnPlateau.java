package dev.lamina.runtime.callbacks;

import dev.lamina.runtime.optimizers.Optimizer;
import dev.lamina.runtime.training.Callback;
import java.io.PrintStream;
import java.util.Map;

/**
 * Lowers the learning rate when a monitored metric has stopped improving, as Keras 3's
 * ReduceLROnPlateau: after {@code patience} epochs in a row without an improvement of more than
 * {@code minDelta}, the rate becomes {@code max(rate * factor, minLr)}; then {@code cooldown} epochs
 * pass before epochs without improvement count again. A rate at {@code minLr} is not lowered further.
 *
 * <p>{@code fit} logs the rate of every epoch as {@code learning_rate} (the rate the epoch ran with,
 * before this callback lowers it, as Keras logs it) and refuses a learning-rate schedule beside it:
 * the schedule would set the rate back before the next step.
 */
public final class ReduceLROnPlateau implements Callback {
    private final String monitor;
    private final double factor;
    private final int patience;
    private final int verbose;
    private final Mode mode;
    private final double minDelta;
    private final int cooldown;
    private final double minLr;
    private final PrintStream out;
    /** The best value so far; none before the first epoch, as Keras' None. */
    private Double best;
    private int wait;
    private int cooldownCounter;

    /** Keras' defaults: monitor val_loss, factor 0.1, patience 10, quiet, mode auto, min delta 1e-4, no cooldown, min rate 0. */
    public ReduceLROnPlateau() {
        this("val_loss", 0.1, 10, 0, Mode.AUTO, 1e-4, 0, 0);
    }

    /**
     * Keras' arguments in Keras' order.
     *
     * @param factor the rate is multiplied by it, in [0, 1)
     * @param verbose 1 to print a line each time the rate is lowered, 0 for none
     * @param minLr the rate is not lowered below it
     */
    public ReduceLROnPlateau(String monitor, double factor, int patience, int verbose, Mode mode, double minDelta,
                             int cooldown, double minLr) {
        this(monitor, factor, patience, verbose, mode, minDelta, cooldown, minLr, System.out);
    }

    /** As the public constructor, printing to {@code out}: for tests. */
    ReduceLROnPlateau(String monitor, double factor, int patience, int verbose, Mode mode, double minDelta,
                      int cooldown, double minLr, PrintStream out) {
        if (!(factor >= 0 && factor < 1)) {
            // Keras' message, and its fix: a factor of 1 or more would raise the rate, or keep it.
            throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor >= 1.0 (or below 0)."
                    + " Received factor=" + factor + "; the new rate is rate * factor, so give a factor such as 0.1 or 0.5.");
        }
        if (patience < 0 || cooldown < 0) {
            throw new IllegalArgumentException("patience and cooldown must not be negative but are " + patience + " and "
                    + cooldown);
        }
        if (!(minDelta >= 0) || !(minLr >= 0) || Double.isInfinite(minLr)) {
            throw new IllegalArgumentException("minDelta must not be negative and minLr must be finite and at least 0,"
                    + " but they are " + minDelta + " and " + minLr);
        }
        if (verbose != 0 && verbose != 1) {
            throw new IllegalArgumentException("verbose must be 0 or 1 but is " + verbose);
        }
        this.monitor = monitor;
        this.factor = factor;
        this.patience = patience;
        this.verbose = verbose;
        this.mode = mode.resolve(monitor);
        this.minDelta = minDelta;
        this.cooldown = cooldown;
        this.minLr = minLr;
        this.out = out;
    }

    @Override
    public boolean setsLearningRate() {
        return true;
    }

    @Override
    public void onTrainBegin(Training training) {
        best = null;
        wait = 0;
        cooldownCounter = 0;
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
        double current = Monitored.value(logs, monitor, "ReduceLROnPlateau");
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (best == null || mode.improves(current, best, minDelta)) {
            best = current;
            wait = 0;
        } else if (cooldownCounter == 0) {
            wait++;
            // As Keras: a rate already at minLr is left, and the wait goes on counting.
            if (wait >= patience && reduce(training.network().optimizer(), epoch)) {
                cooldownCounter = cooldown;
                wait = 0;
            }
        }
    }

    /**
     * Keras' {@code _reduce_optimizer_lr}. Keras compares its float32 rate with {@code float32(min_lr)};
     * the rate here is a double, so it is compared with {@code minLr} as a double: the same rule in
     * the precision the rate is kept in.
     */
    private boolean reduce(Optimizer optimizer, int epoch) {
        double rate = optimizer.learningRate();
        if (!(rate > minLr)) {
            return false;
        }
        double lowered = Math.max(rate * factor, minLr);
        optimizer.learningRate(lowered);
        if (verbose > 0) {
            out.println("\nEpoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to " + lowered + ".");
        }
        return true;
    }
}
