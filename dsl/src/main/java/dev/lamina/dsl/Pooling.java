package dev.lamina.dsl;

/** What a pooling layer takes of each window. */
public enum Pooling {
    MAX("MaxPool2D"),
    AVERAGE("AveragePool2D");

    private final String layerName;

    Pooling(String layerName) {
        this.layerName = layerName;
    }

    /** The layer kind as users write it. */
    public String layerName() {
        return layerName;
    }
}
