package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An optimizer and its settings, as an attribute of {@link Model}. Settings left out take Keras'
 * defaults; settings that the chosen kind does not use are ignored.
 *
 * <p>As in Keras 3, where they are arguments of every optimizer's base class, {@link #weightDecay()}
 * and the clipping ({@link #clipNorm()}, {@link #globalClipNorm()}, {@link #clipValue()}) apply to
 * every kind, in Keras' order: the gradients are clipped, the weights decay, then the kind's update.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Optimizer {
    /** Stands for "Keras' default learning rate for this kind" (an annotation default must be a constant). */
    double DEFAULT_LEARNING_RATE = -1;

    /**
     * Stands for "Keras' default weight decay for this kind": 0.004 for AdamW, none for the others (an
     * annotation default must be a constant).
     */
    double DEFAULT_WEIGHT_DECAY = -1;

    /** Stands for "no clipping", Keras' None: a limit that clips nothing. */
    double NO_CLIPPING = Double.POSITIVE_INFINITY;

    Kind kind();

    /** The learning rate; Keras' default for the kind when left out. */
    double learningRate() default DEFAULT_LEARNING_RATE;

    /** SGD and RMSprop: momentum; 0 for none. */
    double momentum() default 0.0;

    /** SGD: Nesterov momentum. */
    boolean nesterov() default false;

    /** RMSprop: decay of the moving average of squared gradients. */
    double rho() default 0.9;

    /** Adam and AdamW: decay of the first moment. */
    double beta1() default 0.9;

    /** Adam and AdamW: decay of the second moment. */
    double beta2() default 0.999;

    /** RMSprop, Adam and AdamW: added to the denominator for numerical stability. */
    double epsilon() default 1e-7;

    /**
     * Every kind: Keras' {@code weight_decay}, decoupled from the gradient: before each update every
     * trained weight (biases too, as Keras excludes none) shrinks by {@code w * weightDecay *
     * learningRate}; at least 0, 0 for none. Keras' default for the kind when left out: 0.004 for
     * AdamW, none for the others.
     */
    double weightDecay() default DEFAULT_WEIGHT_DECAY;

    /**
     * Every kind: Keras' {@code clipnorm}: each parameter's gradient is scaled down to an L2 norm of at
     * most this; positive. None when left out. At most one of the three clippings, as Keras allows.
     */
    double clipNorm() default NO_CLIPPING;

    /**
     * Every kind: Keras' {@code global_clipnorm}: all gradients are scaled by one factor down to an L2
     * norm of at most this taken over all of them together; positive. None when left out.
     */
    double globalClipNorm() default NO_CLIPPING;

    /** Every kind: Keras' {@code clipvalue}: each gradient element is clipped to [-clipValue, clipValue]; positive. */
    double clipValue() default NO_CLIPPING;

    /** The optimizers, with Keras' default learning rates and weight decays. */
    enum Kind {
        SGD(0.01, 0),
        RMSPROP(0.001, 0),
        ADAM(0.001, 0),
        /** Adam with a decoupled weight decay, Keras' AdamW: {@link #weightDecay()} 0.004 unless set. */
        ADAMW(0.001, 0.004);

        private final double defaultLearningRate;
        private final double defaultWeightDecay;

        Kind(double defaultLearningRate, double defaultWeightDecay) {
            this.defaultLearningRate = defaultLearningRate;
            this.defaultWeightDecay = defaultWeightDecay;
        }

        public double defaultLearningRate() {
            return defaultLearningRate;
        }

        /** Keras' default {@code weight_decay}: 0 (none) but for AdamW. */
        public double defaultWeightDecay() {
            return defaultWeightDecay;
        }
    }
}
