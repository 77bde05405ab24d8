package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An optimizer and its settings, as an attribute of {@link Model}. Settings left out take Keras'
 * defaults; settings that the chosen kind does not use are ignored.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Optimizer {
    /** Stands for "Keras' default learning rate for this kind" (an annotation default must be a constant). */
    double DEFAULT_LEARNING_RATE = -1;

    Kind kind();

    /** The learning rate; Keras' default for the kind when left out. */
    double learningRate() default DEFAULT_LEARNING_RATE;

    /** SGD and RMSprop: momentum; 0 for none. */
    double momentum() default 0.0;

    /** SGD: Nesterov momentum. */
    boolean nesterov() default false;

    /** RMSprop: decay of the moving average of squared gradients. */
    double rho() default 0.9;

    /** Adam: decay of the first moment. */
    double beta1() default 0.9;

    /** Adam: decay of the second moment. */
    double beta2() default 0.999;

    /** RMSprop and Adam: added to the denominator for numerical stability. */
    double epsilon() default 1e-7;

    /** The optimizers, with Keras' default learning rates. */
    enum Kind {
        SGD(0.01),
        RMSPROP(0.001),
        ADAM(0.001);

        private final double defaultLearningRate;

        Kind(double defaultLearningRate) {
            this.defaultLearningRate = defaultLearningRate;
        }

        public double defaultLearningRate() {
            return defaultLearningRate;
        }
    }
}
