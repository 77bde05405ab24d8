package dev.lamina.runtime.optimizers;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Updates parameters from their gradients, one step at a time, with the formulas of Keras 3.
 * An optimizer is created for one network's parameters and keeps its state (moments, step count)
 * beside them.
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

    protected Optimizer(List<Parameter> parameters, double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("The learning rate must be positive but is " + learningRate);
        }
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
    }

    /** Applies one update to every parameter from its current gradient. */
    public final void step() {
        for (int i = 0; i < parameters.size(); i++) {
            update(i, parameters.get(i));
        }
        iterations++;
        if (iterations % SUBNORMAL_SWEEP_INTERVAL == 0) {
            state().forEach(Optimizer::flushSubnormals);
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

    /**
     * Updates parameter {@code index} from its gradient; {@link #iterations()} counts the steps
     * taken before this one. The gradient array may be overwritten.
     */
    protected abstract void update(int index, Parameter parameter);
}
