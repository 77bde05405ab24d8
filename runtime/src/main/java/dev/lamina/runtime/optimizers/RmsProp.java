package dev.lamina.runtime.optimizers;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

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

    @Override
    protected void update(int index, Parameter parameter) {
        INDArray gradient = parameter.gradient();
        INDArray average = averages[index];
        INDArray work = scratch[index];
        average.muli(rho).addi(work.assign(gradient).muli(gradient).muli(1 - rho));
        // The gradient array becomes the increment lr g / sqrt(a + eps), computed in place.
        Transforms.sqrt(work.assign(average).addi(epsilon), false);
        gradient.muli(learningRate).divi(work);
        if (velocities == null) {
            parameter.value().subi(gradient);
        } else {
            parameter.value().subi(velocities[index].muli(momentum).addi(gradient));
        }
    }

    @Override
    public List<INDArray> state() {
        return OptimizerState.concat(averages, velocities);
    }
}
