package dev.lamina.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link Reshape}: the same elements in a new sample shape. As in Keras, one dimension may be -1,
 * and is then inferred from the input's element count.
 */
public record ReshapeSpec(int[] target) implements LayerSpec {

    /** The dimension Keras infers from the others. */
    public static final int INFERRED = -1;

    public ReshapeSpec {
        target = target.clone();
    }

    @Override
    public int[] target() {
        return target.clone();
    }

    @Override
    public String kind() {
        return "Reshape";
    }

    @Override
    public List<Problem> settingProblems() {
        List<Problem> problems = new ArrayList<>();
        if (target.length == 0) {
            problems.add(Problem.ofAttribute("value", "Reshape needs at least one dimension, as in @Reshape({28, 28, 1})."));
        }
        long inferred = Arrays.stream(target).filter(d -> d == INFERRED).count();
        if (inferred > 1) {
            problems.add(Problem.ofAttribute("value", "Reshape " + Shape.format(target)
                    + " may leave only one dimension as -1 to be inferred."));
        }
        for (int d : target) {
            if (d <= 0 && d != INFERRED) {
                problems.add(Problem.ofAttribute("value", "Reshape " + Shape.format(target)
                        + " has the dimension " + d + "; every dimension must be positive (or one -1 to infer it)."));
                break;
            }
        }
        return problems;
    }

    @Override
    public Optional<Problem> inputProblem(Shape input, String name) {
        Optional<String> wanted = unmetElementCount(input);
        if (wanted.isPresent()) {
            return Optional.of(Problem.ofAttribute("value", "Reshape to " + Shape.format(target) + " needs "
                    + wanted.get() + " but its input " + input + " has " + input.size()
                    + ". Choose dimensions whose product is " + input.size() + suggestion(input) + "."));
        }
        Shape known = knownDimensions();
        if (known.rank() < target.length && input.size() / known.size() > Integer.MAX_VALUE) {
            return Optional.of(Problem.ofLayer("Reshape to " + Shape.format(target) + " would infer a dimension of "
                    + input.size() / known.size() + ", past " + Integer.MAX_VALUE + "."));
        }
        return Optional.empty();
    }

    /** The element count the target needs, as messages say it, if {@code input} does not have it. */
    private Optional<String> unmetElementCount(Shape input) {
        Shape known = knownDimensions();
        if (!known.fitsInArray()) {
            // Then no input has enough: every input fits in one array.
            return Optional.of(Shape.MORE_THAN_MAX_ELEMENTS);
        }
        if (known.rank() < target.length) {
            return input.size() % known.size() == 0 ? Optional.empty()
                    : Optional.of("a multiple of " + known.size() + " elements");
        }
        return input.size() == known.size() ? Optional.empty() : Optional.of(known.size() + " elements");
    }

    @Override
    public Optional<Shape> outputShape(Shape input) {
        if (!settingProblems().isEmpty() || inputProblem(input, "").isPresent()) {
            return Optional.empty();
        }
        int[] dims = target.clone();
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == INFERRED) {
                dims[i] = Math.toIntExact(input.size() / knownDimensions().size());
            }
        }
        return Optional.of(Shape.of(dims));
    }

    /** The dimensions given, without the one to infer. */
    private Shape knownDimensions() {
        return Shape.of(Arrays.stream(target).filter(d -> d != INFERRED).toArray());
    }

    /** A reshape that fits, for the message: the input with one channel added, a common intent. */
    private static String suggestion(Shape input) {
        int[] withChannel = Arrays.copyOf(input.dims(), input.rank() + 1);
        withChannel[input.rank()] = 1;
        return ", such as " + Shape.of(withChannel).toSource();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReshapeSpec other && Arrays.equals(target, other.target);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(target);
    }

    @Override
    public String toString() {
        return "ReshapeSpec" + Shape.format(target);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.reshape(this);
    }
}
