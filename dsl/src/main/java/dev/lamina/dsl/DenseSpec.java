package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/** {@link Dense}: a flat input of n features becomes (units); kernel (n, units), bias (units). */
public record DenseSpec(int units, Activation activation, boolean useBias) implements LayerSpec {

    @Override
    public String kind() {
        return "Dense";
    }

    @Override
    public List<Problem> settingProblems() {
        if (units <= 0) {
            return List.of(Problem.ofAttribute("units", "Dense needs a positive number of units but has units = " + units + "."));
        }
        return List.of();
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

    /** kernel (in, units), Glorot-uniform; bias (units), zeros, if used: Keras' Dense. */
    @Override
    public List<ParameterSpec> parameters(Shape input) {
        ParameterSpec kernel = ParameterSpec.trainable("kernel", Initializer.GLOROT_UNIFORM, input.dim(0), units);
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
