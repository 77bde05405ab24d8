package dev.lamina.runtime.optimizers;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.RmsPropUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * RMSprop, as Keras 3: {@code a = rho a + (1 - rho) g^2; w -= lr g / (sqrt(a) + eps)}; with
 * momentum m, {@code v = m v + lr g / (sqrt(a) + eps); w -= v}. The first step is ND4J's fused
 * {@code rms_prop_updater} op, which follows the same formula.
 */
public final class RmsProp extends Optimizer {
    private final double rho;
    private final double momentum;
    private final double epsilon;
    private final INDArray[] averages;
    private final INDArray[] velocities;

    public RmsProp(List<Parameter> parameters, double learningRate, double rho, double momentum, double epsilon) {
        super(parameters, learningRate);
        this.rho = rho;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.averages = OptimizerState.zerosLike(this.parameters);
        this.velocities = momentum == 0 ? null : OptimizerState.zerosLike(this.parameters);
    }

    @Override
    protected void update(int index, Parameter parameter) {
        INDArray gradient = parameter.gradient();
        // Overwrites the gradient with lr g / (sqrt(a) + eps) and updates a in place.
        Nd4j.exec(new RmsPropUpdater(gradient, averages[index], learningRate, rho, epsilon));
        if (velocities == null) {
            parameter.value().subi(gradient);
        } else {
            parameter.value().subi(velocities[index].muli(momentum).addi(gradient));
        }
    }
}
