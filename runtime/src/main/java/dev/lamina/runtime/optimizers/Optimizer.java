package dev.lamina.runtime.optimizers;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates parameters from their gradients, one step at a time, with the formulas of Keras 3.
 * An optimizer is created for one network's parameters and keeps its state (moments, step count)
 * beside them.
 */
public abstract class Optimizer {
    protected final List<Parameter> parameters;
    protected final double learningRate;
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

    public double learningRate() {
        return learningRate;
    }

    /**
     * Updates parameter {@code index} from its gradient; {@link #iterations()} counts the steps
     * taken before this one. The gradient array may be overwritten.
     */
    protected abstract void update(int index, Parameter parameter);
}
