package dev.lamina.runtime.optimizers;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam, as Keras 3: {@code m += (1 - b1)(g - m); v += (1 - b2)(g^2 - v);
 * w -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps)} at step t = 1, 2, ... The update is
 * ND4J's fused {@code adam_updater} op, which follows the same formula (it counts steps from 0).
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final INDArray[] firstMoments;
    private final INDArray[] secondMoments;

    public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon) {
        super(parameters, learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.firstMoments = OptimizerState.zerosLike(this.parameters);
        this.secondMoments = OptimizerState.zerosLike(this.parameters);
    }

    @Override
    protected void update(int index, Parameter parameter) {
        INDArray gradient = parameter.gradient();
        // Overwrites the gradient with the update and advances both moments in place.
        Nd4j.exec(new AdamUpdater(gradient, secondMoments[index], firstMoments[index],
                learningRate, beta1, beta2, epsilon, Math.toIntExact(iterations())));
        parameter.value().subi(gradient);
    }

    @Override
    public List<INDArray> state() {
        return OptimizerState.concat(firstMoments, secondMoments);
    }
}
