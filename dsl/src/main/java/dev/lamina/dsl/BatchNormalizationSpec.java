package dev.lamina.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link BatchNormalization}: the shape is unchanged; gamma (if scaled) and beta (if centered),
 * trained, then the moving mean and variance, not trained, each (channels), as Keras' layer builds
 * them. A BatchNormalization of 64 channels has 256 parameters, 128 of them not trainable.
 */
public record BatchNormalizationSpec(int axis, double momentum, double epsilon, boolean center, boolean scale)
        implements LayerSpec {

    /** Keras' defaults: the last axis, momentum 0.99, epsilon 0.001, centered and scaled. */
    public static BatchNormalizationSpec defaults() {
        return new BatchNormalizationSpec(-1, 0.99, 1e-3, true, true);
    }

    @Override
    public String kind() {
        return "BatchNormalization";
    }

    @Override
    public List<Problem> settingProblems() {
        List<Problem> problems = new ArrayList<>();
        if (axis == 0 || axis < -1) {
            problems.add(axisProblem(axis == 0 ? ", the batch's" : ""));
        }
        if (!(momentum >= 0 && momentum < 1)) {
            problems.add(Problem.ofAttribute("momentum", "BatchNormalization needs a momentum in [0, 1) but has momentum = "
                    + momentum + ". It is the weight of the past in each update of the moving statistics, such as"
                    + " 0.99, Keras' default."));
        }
        if (!(epsilon > 0 && epsilon < Double.POSITIVE_INFINITY)) {
            problems.add(Problem.ofAttribute("epsilon", "BatchNormalization needs a positive epsilon but has epsilon = "
                    + epsilon + ". It is added to the variance so that it is never divided by zero, such as 0.001,"
                    + " Keras' default."));
        }
        return problems;
    }

    /** An axis from 1 on is the last one only if it is the input's rank (Keras counts the batch as axis 0). */
    @Override
    public Optional<Problem> inputProblem(Shape input, String name) {
        if (axis > 0 && axis != input.rank()) {
            return Optional.of(axisProblem(" of its input (None, " + input.toString().substring(1)
                    + ", whose last axis is " + input.rank()));
        }
        return Optional.empty();
    }

    private Problem axisProblem(String which) {
        return Problem.ofAttribute("axis", "BatchNormalization normalizes only the last axis (channels-last) but has axis = "
                + axis + which + ". Remove axis = " + axis + " to normalize the last axis (its default, -1), or"
                + " reshape the input so that the axis to normalize comes last.");
    }

    @Override
    public Optional<Shape> outputShape(Shape input) {
        return Optional.of(input);
    }

    /** gamma (ones) and beta (zeros) if used, then moving_mean (zeros) and moving_variance (ones): Keras' weights, in its order. */
    @Override
    public List<ParameterSpec> parameters(Shape input) {
        int channels = input.dim(input.rank() - 1);
        List<ParameterSpec> parameters = new ArrayList<>();
        if (scale) {
            parameters.add(ParameterSpec.trainable("gamma", Initializer.ONES, channels));
        }
        if (center) {
            parameters.add(ParameterSpec.trainable("beta", Initializer.ZEROS, channels));
        }
        parameters.add(ParameterSpec.nonTrainable("moving_mean", Initializer.ZEROS, channels));
        parameters.add(ParameterSpec.nonTrainable("moving_variance", Initializer.ONES, channels));
        return parameters;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.batchNormalization(this);
    }
}
