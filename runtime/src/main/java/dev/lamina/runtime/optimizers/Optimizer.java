package dev.lamina.runtime.optimizers;

import java.util.List;

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

    public double learningRate() {
        return learningRate;
    }

    /**
     * Updates parameter {@code index} from its gradient; {@link #iterations()} counts the steps
     * taken before this one. The gradient array may be overwritten.
     */
    protected abstract void update(int index, Parameter parameter);
}
