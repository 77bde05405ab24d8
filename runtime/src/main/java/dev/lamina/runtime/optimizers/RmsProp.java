package dev.lamina.runtime.optimizers;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * RMSprop, as Keras 3: {@code a = rho a + (1 - rho) g^2; w -= lr g / sqrt(a + eps)}; with momentum
 * m, {@code v = m v + lr g / sqrt(a + eps); w -= v}. Note eps inside the square root: Keras' choice,
 * which damps the steps of rarely-updated weights. ND4J's fused {@code rms_prop_updater} puts eps
 * outside, so it is not used here.
 */
public final class RmsProp extends Optimizer {
    private final double rho;
    private final double momentum;
    private final double epsilon;
    private final INDArray[] averages;
    private final INDArray[] velocities;
    /** One work array per parameter, so a step allocates nothing. */
    private final INDArray[] scratch;

    public RmsProp(List<Parameter> parameters, double learningRate, double rho, double momentum, double epsilon) {
        super(parameters, learningRate);
        this.rho = rho;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.averages = OptimizerState.zerosLike(this.parameters);
        this.velocities = momentum == 0 ? null : OptimizerState.zerosLike(this.parameters);
        this.scratch = OptimizerState.zerosLike(this.parameters);
    }

    /** Seven passes over the parameter, each an ND4J op writing into an array that exists already. */
    @Override
    protected void update(int index, Parameter parameter) {
        INDArray gradient = parameter.gradient();
        INDArray average = averages[index];
        INDArray work = scratch[index];
        // a = rho a + (1 - rho) g^2
        Nd4j.exec(new MulOp(gradient, gradient, work));
        Nd4j.exec(new Axpy(work, average.muli(rho), average, 1 - rho));
        // The gradient array becomes g / sqrt(a + eps).
        Nd4j.exec(new ScalarAdd(average, null, work, epsilon));
        Nd4j.exec(new Sqrt(work, work));
        gradient.divi(work);
        if (velocities == null) {
            Nd4j.exec(new Axpy(gradient, parameter.value(), parameter.value(), -learningRate));
        } else {
            INDArray velocity = velocities[index];
            Nd4j.exec(new Axpy(gradient, velocity.muli(momentum), velocity, learningRate));
            parameter.value().subi(velocity);
        }
    }

    @Override
    public List<INDArray> state() {
        return OptimizerState.concat(averages, velocities);
    }
}
