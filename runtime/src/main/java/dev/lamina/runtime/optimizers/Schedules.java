package dev.lamina.runtime.optimizers;

/** The argument checks {@link LearningRateSchedule}'s factories share. */
final class Schedules {
    private Schedules() {
    }

    static void requireRate(String name, double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(name + ", a learning rate, must be finite and at least 0 but is " + rate);
        }
    }

    static void requirePositive(String name, long steps) {
        if (steps <= 0) {
            throw new IllegalArgumentException(name + " must be positive but is " + steps);
        }
    }
}
