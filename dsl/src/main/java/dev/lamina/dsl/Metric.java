package dev.lamina.dsl;

/** Metrics reported beside the loss. */
public enum Metric {
    /** The fraction of samples whose highest-scoring class is the true class. */
    ACCURACY
}
