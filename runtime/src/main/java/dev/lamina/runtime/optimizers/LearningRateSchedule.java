package dev.lamina.runtime.optimizers;

/**
 * The learning rate as a function of the optimizer's step, as Keras' {@code
 * keras.optimizers.schedules}: {@code fit} sets the rate of each step from the number of steps taken
 * before it ({@link Optimizer#iterations()}, Keras' {@code optimizer.iterations}), so a fit resumed
 * from a checkpoint goes on where it stopped. Give one to {@code FitOptions.learningRate}.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The learning rate of the step that follows {@code step} steps taken; at least 0. */
    double rate(long step);

    /**
     * Keras' {@code CosineDecay(initial, decaySteps)}: from {@code initialRate} down to 0 along half a
     * cosine over {@code decaySteps} steps, then 0.
     */
    static LearningRateSchedule cosineDecay(double initialRate, long decaySteps) {
        return cosineDecay(initialRate, decaySteps, 0, 0, initialRate);
    }

    /**
     * Keras' {@code CosineDecay(initial, decaySteps, alpha, warmup_target=warmupTarget,
     * warmup_steps=warmupSteps)}: first a straight line from {@code initialRate} to {@code warmupTarget}
     * over {@code warmupSteps} steps, then half a cosine from {@code warmupTarget} down to {@code alpha}
     * times it over {@code decaySteps} steps, where it stays.
     */
    static LearningRateSchedule cosineDecay(double initialRate, long decaySteps, double alpha, long warmupSteps,
                                           double warmupTarget) {
        Schedules.requireRate("initialRate", initialRate);
        Schedules.requireRate("warmupTarget", warmupTarget);
        Schedules.requirePositive("decaySteps", decaySteps);
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must not be negative but is " + warmupSteps);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha, the share of the rate the decay ends at, must be in [0, 1] but is "
                    + alpha);
        }
        return step -> {
            if (step < warmupSteps) {
                return initialRate + (warmupTarget - initialRate) * step / warmupSteps;
            }
            double done = Math.min(step - warmupSteps, decaySteps) / (double) decaySteps;
            return warmupTarget * ((1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * done)) + alpha);
        };
    }

    /**
     * Keras' {@code ExponentialDecay(initial, decaySteps, decayRate, staircase)}: {@code initialRate *
     * decayRate ^ (step / decaySteps)}, the exponent rounded down with {@code staircase}.
     */
    static LearningRateSchedule exponentialDecay(double initialRate, long decaySteps, double decayRate,
                                                 boolean staircase) {
        Schedules.requireRate("initialRate", initialRate);
        Schedules.requirePositive("decaySteps", decaySteps);
        if (!(decayRate > 0)) {
            throw new IllegalArgumentException("decayRate must be positive but is " + decayRate);
        }
        return step -> {
            double exponent = step / (double) decaySteps;
            return initialRate * Math.pow(decayRate, staircase ? Math.floor(exponent) : exponent);
        };
    }

    /**
     * Keras' {@code PiecewiseConstantDecay(boundaries, values)}: {@code values[0]} up to and including
     * step {@code boundaries[0]}, {@code values[i]} after {@code boundaries[i - 1]} up to and including
     * {@code boundaries[i]}, and the last value after the last boundary. The step decay of a plain
     * "divide by ten at epochs 30 and 60" is this, with the boundaries in steps.
     */
    static LearningRateSchedule piecewiseConstant(long[] boundaries, double[] values) {
        if (values.length != boundaries.length + 1) {
            throw new IllegalArgumentException("piecewiseConstant takes one value more than boundaries, but got "
                    + boundaries.length + " boundaries and " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            Schedules.requireRate("values[" + i + "]", values[i]);
        }
        for (int i = 1; i < boundaries.length; i++) {
            if (boundaries[i] <= boundaries[i - 1]) {
                throw new IllegalArgumentException("the boundaries must increase, but boundaries[" + i + "] = "
                        + boundaries[i] + " follows " + boundaries[i - 1]);
            }
        }
        long[] steps = boundaries.clone();
        double[] rates = values.clone();
        return step -> {
            int piece = 0;
            while (piece < steps.length && step > steps[piece]) {
                piece++;
            }
            return rates[piece];
        };
    }
}
