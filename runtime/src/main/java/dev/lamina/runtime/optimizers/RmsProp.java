package dev.lamina.runtime.optimizers;

import dev.lamina.runtime.kernels.HostMemory;
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
 *
 * <p>A parameter in host memory is updated in one pass by a {@link HostLoop}; any other by seven
 * ND4J ops, each writing into an array that exists already.
 */
public final class RmsProp extends Optimizer {
    private final double rho;
    private final double momentum;
    private final double epsilon;
    private final INDArray[] averages;
    private final INDArray[] velocities;
    /** Per parameter, its one-pass update, or null where ND4J's ops run instead. */
    private final HostLoop[] loops;
    /**
     * One work array per parameter for ND4J's ops, so a step allocates nothing; made at the first
     * step that runs them, so none where a loop runs.
     */
    private final INDArray[] scratch;

    public RmsProp(List<Parameter> parameters, double learningRate, double rho, double momentum, double epsilon) {
        this(parameters, learningRate, rho, momentum, epsilon, true);
    }

    /** With {@code hostLoops} false, always ND4J's ops: for tests that compare the two. */
    RmsProp(List<Parameter> parameters, double learningRate, double rho, double momentum, double epsilon,
            boolean hostLoops) {
        super(parameters, learningRate);
        this.rho = rho;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.averages = OptimizerState.zerosLike(this.parameters);
        this.velocities = momentum == 0 ? null : OptimizerState.zerosLike(this.parameters);
        this.loops = new HostLoop[this.parameters.size()];
        this.scratch = new INDArray[this.parameters.size()];
        for (int i = 0; i < loops.length; i++) {
            Parameter p = this.parameters.get(i);
            loops[i] = !hostLoops ? null : velocities == null
                    ? HostLoop.of(new INDArray[] {p.gradient(), averages[i], p.value()}, new boolean[] {false, true, true})
                    : HostLoop.of(new INDArray[] {p.gradient(), averages[i], velocities[i], p.value()},
                            new boolean[] {false, true, true, true});
        }
    }

    @Override
    protected void update(int index, Parameter parameter) {
        // The loops were made while the switch was on; it may be off now (HostMemory#LOOPS_PROPERTY).
        if (loops[index] == null || !HostMemory.loopsOn()) {
            updateWithOps(index, parameter);
        } else if (velocities == null) {
            loops[index].run(this::step);
        } else {
            loops[index].run(this::stepWithMomentum);
        }
    }

    /** Chunks: gradient, average, value. */
    private void step(float[][] chunks, int length) {
        float[] g = chunks[0];
        float[] a = chunks[1];
        float[] w = chunks[2];
        float rho = (float) this.rho;
        float lr = (float) learningRate;
        float eps = (float) epsilon;
        for (int i = 0; i < length; i++) {
            float average = rho * a[i] + (1 - rho) * g[i] * g[i];
            a[i] = average;
            w[i] -= lr * g[i] / (float) Math.sqrt(average + eps);
        }
    }

    /** Chunks: gradient, average, velocity, value. */
    private void stepWithMomentum(float[][] chunks, int length) {
        float[] g = chunks[0];
        float[] a = chunks[1];
        float[] v = chunks[2];
        float[] w = chunks[3];
        float rho = (float) this.rho;
        float lr = (float) learningRate;
        float eps = (float) epsilon;
        float momentum = (float) this.momentum;
        for (int i = 0; i < length; i++) {
            float average = rho * a[i] + (1 - rho) * g[i] * g[i];
            a[i] = average;
            v[i] = momentum * v[i] + lr * g[i] / (float) Math.sqrt(average + eps);
            w[i] -= v[i];
        }
    }

    /** Seven passes over the parameter, each an ND4J op writing into an array that exists already. */
    private void updateWithOps(int index, Parameter parameter) {
        INDArray gradient = parameter.gradient();
        INDArray average = averages[index];
        if (scratch[index] == null) {
            scratch[index] = parameter.value().ulike();
        }
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
