package dev.lamina.runtime.training;

/** The loss and accuracy of a network on a dataset. */
public record Evaluation(double loss, double accuracy) {
    @Override
    public String toString() {
        return String.format("loss: %.4f - accuracy: %.4f", loss, accuracy);
    }
}
