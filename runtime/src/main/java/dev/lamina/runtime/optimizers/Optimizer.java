package dev.lamina.runtime.optimizers;

import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Updates parameters from their gradients, one step at a time, with the formulas of Keras 3.
 * An optimizer is created for one network's parameters and keeps its state (moments, step count)
 * beside them.
 *
 * <p>Every kind takes Keras 3's two settings of its base optimizer, applied in Keras' order before
 * the kind's own update: the gradients are {@linkplain #clipping(GradientClipping) clipped}, then
 * each weight decays by {@code w -= w * weightDecay * learningRate} ({@link #weightDecay(double)}).
 */
public abstract class Optimizer {
    /**
     * Every this many steps the state is swept for subnormal numbers. A moment whose gradient stays
     * zero (the weight of a pixel that is always blank) decays through the subnormal range, where
     * each operation costs the CPU up to a hundred times a normal one, and Adam's second moment,
     * shrinking by 0.999 a step, stays there for thousands of steps: they slowed the single-conv
     * sample's Adam steps from 7 to 21 s per epoch. TensorFlow, and so Keras, runs with the CPU
     * flushing them to zero; ND4J has no such switch, so this does the same in software.
     */
    static final int SUBNORMAL_SWEEP_INTERVAL = 32;

    protected final List<Parameter> parameters;
    /** Volatile: a schedule's rate, set between steps by {@code fit}, may be read by another thread. */
    protected volatile double learningRate;
    private long iterations;
    private double weightDecay;
    private GradientClipping clipping = GradientClipping.none();

    protected Optimizer(List<Parameter> parameters, double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("The learning rate must be positive but is " + learningRate);
        }
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
    }

    /**
     * Applies one update to every parameter from its current gradient: clips the gradients, decays
     * the weights, then the kind's update, as Keras' {@code _backend_apply_gradients}.
     */
    public final void step() {
        clipping.apply(parameters);
        for (int i = 0; i < parameters.size(); i++) {
            decay(parameters.get(i).value());
            update(i, parameters.get(i));
        }
        iterations++;
        if (iterations % SUBNORMAL_SWEEP_INTERVAL == 0) {
            state().forEach(Optimizer::flushSubnormals);
        }
    }

    /**
     * Keras' {@code w - w * wd * lr}, in Keras' form and one pass ({@code w + (-wd lr) w}), rather than
     * as {@code w * (1 - wd lr)}, whose factor, rounded to float32, would shift every weight's decay
     * by the same error.
     */
    private void decay(INDArray value) {
        if (weightDecay != 0) {
            Nd4j.exec(new Axpy(value, value, value, -weightDecay * learningRate));
        }
    }

    /** Sets the values of {@code array} too small to be normal numbers of its type to zero. */
    private static void flushSubnormals(INDArray array) {
        double smallestNormal = array.dataType() == DataType.DOUBLE ? Double.MIN_NORMAL : Float.MIN_NORMAL;
        Nd4j.exec(new CompareAndSet(array, 0.0, Conditions.absLessThan(smallestNormal)));
    }

    /** How many steps have been taken. */
    public final long iterations() {
        return iterations;
    }

    /** Continues from a saved state: {@code iterations} steps taken (the state arrays are restored in place). */
    public final void resumeAt(long iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must not be negative but is " + iterations);
        }
        this.iterations = iterations;
    }

    /**
     * The optimizer's state arrays (moments, velocities), in a fixed order, to save and to restore in
     * place; empty for plain SGD.
     */
    public abstract List<INDArray> state();

    /** The rate of the next step: the model's, or the last one {@link #learningRate(double)} set. */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Sets the rate of the steps that follow, as Keras' {@code optimizer.learning_rate.assign}: what
     * {@code fit} does before each step with a {@link LearningRateSchedule}. 0 is allowed, as at the
     * end of a cosine decay.
     */
    public void learningRate(double rate) {
        Schedules.requireRate("The learning rate", rate);
        this.learningRate = rate;
    }

    /** Keras' {@code weight_decay}; 0, none, unless set (AdamW's default is 0.004). */
    public final double weightDecay() {
        return weightDecay;
    }

    /**
     * Sets Keras' {@code weight_decay}: before each update every trained weight, biases and
     * normalization scales included (Keras excludes nothing unless told to), shrinks by {@code w *
     * weightDecay * learningRate}, apart from the gradient (decoupled, as Loshchilov and Hutter's
     * AdamW), so the decay does not pass through Adam's or RMSprop's scaling. 0 for none.
     *
     * @return this optimizer, so that a model's generated definition makes it in one expression
     */
    public final Optimizer weightDecay(double weightDecay) {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("The weight decay must be finite and at least 0 but is " + weightDecay
                    + "; 0 for none");
        }
        this.weightDecay = weightDecay;
        return this;
    }

    /** How the gradients are clipped before each step; {@link GradientClipping#none()} unless set. */
    public final GradientClipping clipping() {
        return clipping;
    }

    /**
     * Sets how the gradients are clipped before each step: Keras' {@code clipnorm}, {@code
     * global_clipnorm} or {@code clipvalue}, of which Keras takes one at most, as {@link
     * GradientClipping} holds one.
     *
     * @return this optimizer, so that a model's generated definition makes it in one expression
     */
    public final Optimizer clipping(GradientClipping clipping) {
        this.clipping = Objects.requireNonNull(clipping, "clipping");
        return this;
    }

    /**
     * Updates parameter {@code index} from its gradient; {@link #iterations()} counts the steps
     * taken before this one. The gradient array may be overwritten.
     */
    protected abstract void update(int index, Parameter parameter);
}
