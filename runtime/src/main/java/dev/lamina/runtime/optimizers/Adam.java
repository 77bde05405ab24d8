package dev.lamina.runtime.optimizers;

import dev.lamina.runtime.kernels.HostMemory;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam, as Keras 3: {@code m += (1 - b1)(g - m); v += (1 - b2)(g^2 - v);
 * w -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps)} at step t = 1, 2, ...
 *
 * <p>A parameter in host memory is updated in one pass by a {@link HostLoop}; any other by ND4J's
 * fused {@code adam_updater} op, which follows the same formula (it counts steps from 0).
 *
 * <p>Not final only for {@link AdamW}, which is this with a weight decay, as Keras' AdamW subclasses
 * its Adam; the update itself cannot be overridden.
 */
public class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final INDArray[] firstMoments;
    private final INDArray[] secondMoments;
    /** Per parameter, its one-pass update, or null where ND4J's op runs instead. */
    private final HostLoop[] loops;

    public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon) {
        this(parameters, learningRate, beta1, beta2, epsilon, true);
    }

    /** With {@code hostLoops} false, always ND4J's op: for tests that compare the two. */
    Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon,
         boolean hostLoops) {
        super(parameters, learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.firstMoments = OptimizerState.zerosLike(this.parameters);
        this.secondMoments = OptimizerState.zerosLike(this.parameters);
        this.loops = new HostLoop[this.parameters.size()];
        for (int i = 0; i < loops.length && hostLoops; i++) {
            Parameter p = this.parameters.get(i);
            loops[i] = HostLoop.of(new INDArray[] {p.gradient(), firstMoments[i], secondMoments[i], p.value()},
                    new boolean[] {false, true, true, true});
        }
    }

    @Override
    protected final void update(int index, Parameter parameter) {
        // The loops were made while the switch was on; it may be off now (HostMemory#LOOPS_PROPERTY).
        if (loops[index] != null && HostMemory.loopsOn()) {
            long t = iterations() + 1;
            float alpha = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
            loops[index].run((chunks, length) -> step(chunks, length, alpha));
            return;
        }
        INDArray gradient = parameter.gradient();
        // Overwrites the gradient with the update and advances both moments in place.
        Nd4j.exec(new AdamUpdater(gradient, secondMoments[index], firstMoments[index],
                learningRate, beta1, beta2, epsilon, Math.toIntExact(iterations())));
        parameter.value().subi(gradient);
    }

    /** Chunks: gradient, first moment, second moment, value; {@code alpha} is the step's bias-corrected rate. */
    private void step(float[][] chunks, int length, float alpha) {
        float[] g = chunks[0];
        float[] m = chunks[1];
        float[] v = chunks[2];
        float[] w = chunks[3];
        float oneMinusBeta1 = (float) (1 - beta1);
        float oneMinusBeta2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        for (int i = 0; i < length; i++) {
            m[i] += (g[i] - m[i]) * oneMinusBeta1;
            v[i] += (g[i] * g[i] - v[i]) * oneMinusBeta2;
            w[i] -= alpha * m[i] / ((float) Math.sqrt(v[i]) + eps);
        }
    }

    @Override
    public final List<INDArray> state() {
        return OptimizerState.concat(firstMoments, secondMoments);
    }
}
