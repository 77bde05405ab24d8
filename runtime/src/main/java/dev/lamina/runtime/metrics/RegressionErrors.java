package dev.lamina.runtime.metrics;

/**
 * The mean absolute error and root mean squared error of a regression, over every output of every
 * sample, as Keras' {@code MeanAbsoluteError} and {@code RootMeanSquaredError} metrics: the mean is
 * over elements, so a batch weighs by its size times the output width.
 *
 * <p>The sums are doubles, so an epoch of float errors loses no precision to the order of batches;
 * only the sums and the count are kept. Before any output both errors are 0, as the training loop's
 * running metrics are.
 */
public final class RegressionErrors {
    private double absoluteSum;
    private double squaredSum;
    private long count;

    /** Adds a batch of outputs and their targets, flat and of one length (samples x outputs). */
    public void add(float[] outputs, float[] targets) {
        if (outputs.length != targets.length) {
            throw new IllegalArgumentException(outputs.length + " outputs but " + targets.length + " targets");
        }
        for (int i = 0; i < outputs.length; i++) {
            double error = (double) outputs[i] - targets[i];
            absoluteSum += Math.abs(error);
            squaredSum += error * error;
        }
        count += outputs.length;
    }

    /** How many output values were added: samples times outputs per sample. */
    public long count() {
        return count;
    }

    public double meanAbsoluteError() {
        return count == 0 ? 0.0 : absoluteSum / count;
    }

    public double meanSquaredError() {
        return count == 0 ? 0.0 : squaredSum / count;
    }

    public double rootMeanSquaredError() {
        return Math.sqrt(meanSquaredError());
    }

    public void reset() {
        absoluteSum = 0;
        squaredSum = 0;
        count = 0;
    }
}
