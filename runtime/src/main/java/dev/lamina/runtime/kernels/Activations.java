package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import java.nio.IntBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ELU;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Every activation, forward and backward, in place. The backward pass is written in terms of the
 * activation's <em>output</em>, which every activation here allows, so a layer keeps one buffer
 * (its output) rather than two (pre-activation and output).
 */
public final class Activations {
    /**
     * The ReLU loop's two chunks, one pair per thread and reused, so that a training step allocates
     * none (they were 32 KB of a CNN step's garbage per ReLU).
     */
    private static final ThreadLocal<int[][]> RELU_CHUNKS = ThreadLocal.withInitial(() -> new int[2][HostMemory.CHUNK]);

    /**
     * The most values whose ReLU runs as a Java loop (through {@link BiasActivation}, on float32
     * arrays in host memory): past some 300,000 values ND4J's op on two threads wins; below, each
     * ND4J op's fixed cost dominates (timings: docs/performance.md).
     */
    static final long JAVA_RELU_MAX_VALUES = 1 << 18;

    private Activations() {
    }

    /** Replaces {@code z} (batch, features...) by {@code activation(z)}. Softmax runs over the last axis. */
    public static void forward(Activation activation, INDArray z) {
        switch (activation) {
            case LINEAR -> { }
            case RELU -> {
                if (z.length() <= JAVA_RELU_MAX_VALUES && HostMemory.holdsFloats(z)) {
                    // As rows of its last axis, which a loop's chunk holds whole.
                    long last = z.size(z.rank() - 1);
                    BiasActivation.apply(Buffers.reshape(z, z.length() / last, last), null, Activation.RELU);
                } else {
                    Nd4j.exec(new RectifiedLinear(z, z, 0.0));
                }
            }
            case SIGMOID -> Nd4j.exec(new Sigmoid(z, z));
            case TANH -> Nd4j.exec(new Tanh(z, z));
            case SOFTMAX -> Nd4j.exec(new SoftMax(z, z, z.rank() - 1));
            case LEAKY_RELU -> Nd4j.exec(new LeakyReLU(z, z, Activation.LEAKY_RELU_SLOPE));
            case ELU -> Nd4j.exec(new ELU(z, z, Activation.ELU_ALPHA));
        }
    }

    /**
     * Turns {@code gradient}, the loss gradient with respect to the activation's output {@code y},
     * into the gradient with respect to its input, in place.
     */
    public static void backward(Activation activation, INDArray y, INDArray gradient) {
        switch (activation) {
            case LINEAR -> { }
            case RELU -> reluBackward(y, gradient);
            case LEAKY_RELU -> Nd4j.exec(new LeakyReLUBp(y, gradient, gradient, Activation.LEAKY_RELU_SLOPE));
            // sigmoid' = y (1 - y)
            case SIGMOID -> gradient.muli(y.rsub(1.0).muli(y));
            // tanh' = 1 - y^2
            case TANH -> gradient.muli(y.mul(y).rsubi(1.0));
            // elu' = 1 where y > 0, else alpha exp(x) = y + alpha
            case ELU -> {
                INDArray positive = y.gt(0.0).castTo(y.dataType());
                INDArray negativeSlope = y.add(Activation.ELU_ALPHA).muli(positive.rsub(1.0));
                gradient.muli(positive.addi(negativeSlope));
            }
            // softmax: dx = y * (dy - sum(dy * y)) over the last axis
            case SOFTMAX -> {
                int last = y.rank() - 1;
                INDArray weighted = gradient.mul(y).sum(true, last);
                gradient.subi(weighted.broadcast(gradient.shape())).muli(y);
            }
        }
    }

    /**
     * ReLU's backward pass: the gradient is kept where y is positive and zeroed elsewhere (y is 0
     * exactly where the input was at most 0). On float32 arrays in host memory, a Java loop over their
     * bits, which the JIT vectorizes; elsewhere one ND4J op (timings: docs/performance.md).
     */
    private static void reluBackward(INDArray y, INDArray gradient) {
        if (!HostMemory.holdsFloats(y, gradient) || y.length() != gradient.length()) {
            Nd4j.exec(new CompareAndSet(gradient, y, gradient, Conditions.lessThanOrEqual(0.0)));
            return;
        }
        // A float is positive exactly when its bits, read as an int, are: the loop works on ints,
        // which the JIT vectorizes where it does not vectorize a comparison of floats that picks a
        // value (Java 17). mask is all ones for a positive y and 0 for 0, -0, negatives.
        IntBuffer outputs = HostMemory.bytes(y).asIntBuffer();
        IntBuffer gradients = HostMemory.bytes(gradient).asIntBuffer();
        int length = Math.toIntExact(y.length());
        int[][] chunks = RELU_CHUNKS.get();
        int[] yBits = chunks[0];
        int[] gradientBits = chunks[1];
        for (int from = 0; from < length; from += HostMemory.CHUNK) {
            int size = Math.min(HostMemory.CHUNK, length - from);
            outputs.get(from, yBits, 0, size);
            gradients.get(from, gradientBits, 0, size);
            for (int i = 0; i < size; i++) {
                int bits = yBits[i];
                int mask = (~bits & -bits) >> 31;
                gradientBits[i] &= mask;
            }
            gradients.put(from, gradientBits, 0, size);
        }
    }

    /** The logistic function of one value, {@code 1 / (1 + e^-z)}: a logit's probability. */
    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Softmax over each row of {@code columns} values in {@code values[0, length)}, in place, as ND4J
     * computes it: {@code exp(x - max) / sum}. For Java loops over small float arrays.
     */
    public static void softmaxRows(float[] values, int length, int columns) {
        for (int row = 0; row < length; row += columns) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = row; j < row + columns; j++) {
                max = Math.max(max, values[j]);
            }
            double sum = 0;
            for (int j = row; j < row + columns; j++) {
                float exponential = (float) Math.exp(values[j] - max);
                values[j] = exponential;
                sum += exponential;
            }
            float scale = (float) (1 / sum);
            for (int j = row; j < row + columns; j++) {
                values[j] *= scale;
            }
        }
    }
}
