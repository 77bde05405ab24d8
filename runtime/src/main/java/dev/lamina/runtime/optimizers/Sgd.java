package dev.lamina.runtime.optimizers;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stochastic gradient descent, as Keras: without momentum {@code w -= lr g}; with momentum m,
 * {@code v = m v - lr g; w += v}, or with Nesterov {@code w += m v - lr g}.
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final boolean nesterov;
    private final INDArray[] velocities;

    public Sgd(List<Parameter> parameters, double learningRate, double momentum, boolean nesterov) {
        super(parameters, learningRate);
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("SGD momentum must be in [0, 1) but is " + momentum);
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.velocities = momentum == 0 ? null : OptimizerState.zerosLike(this.parameters);
    }

    @Override
    protected void update(int index, Parameter parameter) {
        INDArray gradient = parameter.gradient();
        if (velocities == null) {
            parameter.value().subi(gradient.muli(learningRate));
            return;
        }
        INDArray velocity = velocities[index];
        velocity.muli(momentum).subi(gradient.mul(learningRate));
        if (nesterov) {
            parameter.value().addi(velocity.mul(momentum).subi(gradient.muli(learningRate)));
        } else {
            parameter.value().addi(velocity);
        }
    }

    @Override
    public List<INDArray> state() {
        return velocities == null ? List.of() : List.of(velocities);
    }
}
