package dev.lamina.runtime.optimizers;

import java.util.List;

/**
 * AdamW, as Keras 3: {@link Adam} with a decoupled weight decay (Loshchilov and Hutter, 2019), which
 * Keras' AdamW makes its default {@code weight_decay} 0.004 and requires. Each step is Keras':
 * {@code w -= w * weightDecay * lr}, then Adam's update from the (clipped) gradient, which the decay
 * does not enter. The decay is {@link Optimizer#weightDecay(double)}, which every kind has, as in
 * Keras 3; this class exists so that a model says AdamW and a checkpoint names it.
 */
public final class AdamW extends Adam {
    /** Keras' default {@code weight_decay} of AdamW. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.004;

    /** Keras' argument order: {@code AdamW(learning_rate, weight_decay, beta_1, beta_2, epsilon)}. */
    public AdamW(List<Parameter> parameters, double learningRate, double weightDecay, double beta1, double beta2,
                 double epsilon) {
        this(parameters, learningRate, weightDecay, beta1, beta2, epsilon, true);
    }

    /** With {@code hostLoops} false, always ND4J's op: for tests that compare the two. */
    AdamW(List<Parameter> parameters, double learningRate, double weightDecay, double beta1, double beta2,
          double epsilon, boolean hostLoops) {
        super(parameters, learningRate, beta1, beta2, epsilon, hostLoops);
        weightDecay(weightDecay);
    }
}
