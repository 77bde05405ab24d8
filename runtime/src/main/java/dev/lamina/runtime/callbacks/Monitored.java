package dev.lamina.runtime.callbacks;

import java.util.Map;

/** Reads a monitored metric from epoch logs, naming the ones there are when it is missing. */
final class Monitored {
    private Monitored() {
    }

    static double value(Map<String, Double> logs, String monitor, String callback) {
        Double value = logs.get(monitor);
        if (value == null) {
            throw new IllegalStateException(callback + " monitors '" + monitor + "' but the logs have " + logs.keySet()
                    + (monitor.startsWith("val_") ? "; give fit validation data or a validation split" : ""));
        }
        return value;
    }
}
