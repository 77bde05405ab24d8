package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import java.nio.FloatBuffer;
import java.util.EnumSet;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Dense layer's bias and activation, applied together and in place to its output (batch, units).
 *
 * <p>For float32 arrays in host memory and the activations whose Java loop the JIT vectorizes
 * (linear, ReLU, leaky ReLU) or that work on a row at a time (softmax), this is one Java pass over
 * blocks of rows copied out of the output's memory and back; elsewhere it is ND4J's ops, one for the
 * bias and one for the activation. Why: an ND4J op costs tens of microseconds whatever its size,
 * more than the work on a Dense layer's output (timings: docs/performance.md). Sigmoid, tanh and ELU
 * stay with ND4J, whose exponential is vectorized where Java's is not.
 */
final class BiasActivation {
    private static final Set<Activation> IN_JAVA =
            EnumSet.of(Activation.LINEAR, Activation.RELU, Activation.LEAKY_RELU, Activation.SOFTMAX);

    /**
     * A block of whole rows, at most a {@link HostMemory#CHUNK} long, per thread and reused, so that
     * a training step allocates none; a row longer than that takes a block of its own.
     */
    private static final ThreadLocal<float[]> BLOCKS = ThreadLocal.withInitial(() -> new float[HostMemory.CHUNK]);

    private BiasActivation() {
    }

    /** Replaces {@code y} (batch, units) by {@code activation(y + bias)}; {@code bias} (units) may be null. */
    static void apply(INDArray y, INDArray bias, Activation activation) {
        boolean inJava = IN_JAVA.contains(activation) && y.rank() == 2 && HostMemory.holdsFloats(y)
                && (bias == null || HostMemory.holdsFloats(bias));
        if (!inJava) {
            if (bias != null) {
                y.addiRowVector(bias);
            }
            Activations.forward(activation, y);
            return;
        }
        int rows = Math.toIntExact(y.size(0));
        int units = Math.toIntExact(y.size(1));
        float[] biasValues = new float[units];
        if (bias != null) {
            HostMemory.bytes(bias).asFloatBuffer().get(0, biasValues);
        }
        FloatBuffer values = HostMemory.bytes(y).asFloatBuffer();
        int blockRows = Math.max(1, HostMemory.CHUNK / units);
        float[] block = units <= HostMemory.CHUNK ? BLOCKS.get() : new float[units];
        for (int first = 0; first < rows; first += blockRows) {
            int length = Math.min(blockRows, rows - first) * units;
            values.get(first * units, block, 0, length);
            applyToBlock(activation, block, length, biasValues);
            values.put(first * units, block, 0, length);
        }
    }

    /** The rows in {@code block[0, length)}, each {@code bias.length} long. */
    private static void applyToBlock(Activation activation, float[] block, int length, float[] bias) {
        int units = bias.length;
        // One loop per activation, so that each inner loop is branch-free and the JIT vectorizes it.
        switch (activation) {
            case LINEAR -> addBias(block, length, bias);
            case RELU -> {
                // Math.max keeps a NaN, as TerminateOnNaN needs.
                for (int row = 0; row < length; row += units) {
                    for (int j = 0; j < units; j++) {
                        block[row + j] = Math.max(block[row + j] + bias[j], 0f);
                    }
                }
            }
            case LEAKY_RELU -> {
                // With a slope below 1, max(z, slope z) is z for positive z and slope z for the others.
                float slope = (float) Activation.LEAKY_RELU_SLOPE;
                for (int row = 0; row < length; row += units) {
                    for (int j = 0; j < units; j++) {
                        float z = block[row + j] + bias[j];
                        block[row + j] = Math.max(z, slope * z);
                    }
                }
            }
            case SOFTMAX -> {
                addBias(block, length, bias);
                Activations.softmaxRows(block, length, units);
            }
            default -> throw new IllegalArgumentException(activation + " is applied by ND4J's ops");
        }
    }

    private static void addBias(float[] block, int length, float[] bias) {
        for (int row = 0; row < length; row += bias.length) {
            for (int j = 0; j < bias.length; j++) {
                block[row + j] += bias[j];
            }
        }
    }
}
