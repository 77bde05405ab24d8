package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/**
 * {@link Normalization}: the shape is unchanged; the mean and variance of each feature (the last
 * axis) and the count of samples they were measured on, none trained, as Keras' layer keeps them.
 * A Normalization of 30 features has 61 parameters, none trainable.
 */
public record NormalizationSpec() implements ShapePreservingSpec {
    /** Keras' backend epsilon: the smallest standard deviation divided by, for a feature that never varies. */
    public static final double EPSILON = 1e-7;

    @Override
    public String kind() {
        return "Normalization";
    }

    /** mean (zeros), variance (ones), count (zero: not yet measured): Keras' weights, in its order. */
    @Override
    public List<ParameterSpec> parameters(Shape input) {
        int features = input.dim(input.rank() - 1);
        return List.of(ParameterSpec.nonTrainable("mean", Initializer.ZEROS, features),
                ParameterSpec.nonTrainable("variance", Initializer.ONES, features),
                ParameterSpec.nonTrainable("count", Initializer.ZEROS, 1));
    }

    /** The problem with taking {@code source}'s output: anything but the model's input, whose statistics fit measures. */
    public static Optional<Problem> sourceProblem(String source) {
        if (source.equals(Model.INPUT)) {
            return Optional.empty();
        }
        return Optional.of(Problem.ofLayer("Normalization standardizes the model's input with statistics fit measures on"
                + " the training data, but it takes " + source + "'s output. Declare it as the first field, or set"
                + " from = Model.INPUT."));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.normalization(this);
    }
}
