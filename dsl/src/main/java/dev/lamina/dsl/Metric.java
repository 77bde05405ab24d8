package dev.lamina.dsl;

import java.util.Locale;

/** Metrics that {@code fit} and {@code evaluate} report beside the loss, as {@code @Model(metrics)} selects them. */
public enum Metric {
    /** The fraction of samples whose highest-scoring class is the true class. */
    ACCURACY;

    /** The metric's name in logs, History and CSV files, Keras' spelling: {@code "accuracy"}. */
    public String logName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
