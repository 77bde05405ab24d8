package dev.lamina.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Dense}: a flat input of n features becomes (units); kernel (n, units), with an L2 penalty of
 * factor {@code kernelL2} if positive, and bias (units).
 */
public record DenseSpec(int units, Activation activation, boolean useBias, double kernelL2) implements LayerSpec {

    /** A Dense whose kernel is not regularized. */
    public DenseSpec(int units, Activation activation, boolean useBias) {
        this(units, activation, useBias, 0);
    }

    @Override
    public String kind() {
        return "Dense";
    }

    @Override
    public List<Problem> settingProblems() {
        List<Problem> problems = new ArrayList<>();
        if (units <= 0) {
            problems.add(Problem.ofAttribute("units", "Dense needs a positive number of units but has units = " + units + "."));
        }
        KernelL2.problem(kind(), kernelL2).ifPresent(problems::add);
        return problems;
    }

    @Override
    public Optional<Problem> inputProblem(Shape input, String name) {
        if (input.rank() == 1) {
            return Optional.empty();
        }
        return Optional.of(Problem.ofLayer("Dense needs a flat input (features) but receives " + input
                + ". Add @Flatten before " + name + " to make it (" + input.size() + ")."));
    }

    @Override
    public Optional<Shape> outputShape(Shape input) {
        return Optional.of(Shape.of(units));
    }

    /** kernel (in, units), Glorot-uniform, L2-regularized by kernelL2; bias (units), zeros, if used: Keras' Dense. */
    @Override
    public List<ParameterSpec> parameters(Shape input) {
        ParameterSpec kernel = ParameterSpec.trainable("kernel", Initializer.GLOROT_UNIFORM, input.dim(0), units)
                .withL2(kernelL2);
        return useBias ? List.of(kernel, ParameterSpec.trainable("bias", Initializer.ZEROS, units)) : List.of(kernel);
    }

    /** Every array of a Dense grows with its units. */
    @Override
    public Problem sizeFix(String array, Shape input) {
        return Problem.ofAttribute("units", "Use fewer units.");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.dense(this);
    }
}
