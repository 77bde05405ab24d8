package dev.lamina.runtime.callbacks;

/** Whether a monitored metric improves by going down or up; AUTO decides from its name, as Keras. */
public enum Mode {
    MIN, MAX, AUTO;

    /** MIN or MAX for {@code monitor}: accuracies go up, everything else (losses) down. */
    Mode resolve(String monitor) {
        if (this != AUTO) {
            return this;
        }
        return monitor.contains("acc") ? MAX : MIN;
    }

    /** Whether {@code current} beats {@code best} by more than {@code minDelta}. */
    boolean improves(double current, double best, double minDelta) {
        return this == MAX ? current - minDelta > best : current + minDelta < best;
    }

    /** The worst possible value, the best before any epoch. */
    double worst() {
        return this == MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
}
