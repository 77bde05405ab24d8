package dev.lamina.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Concatenate}: inputs of one rank that agree on every axis but {@code axis}, along which the
 * output is their sum. {@code axis} counts as Keras does, with the batch as axis 0.
 */
public record ConcatenateSpec(List<String> inputs, int axis) implements MergeSpec {

    public ConcatenateSpec {
        inputs = List.copyOf(inputs);
    }

    @Override
    public String kind() {
        return "Concatenate";
    }

    @Override
    public List<Problem> settingProblems() {
        List<Problem> problems = new ArrayList<>(MergeSpec.super.settingProblems());
        if (axis == 0) {
            problems.add(Problem.ofAttribute("axis", "axis 0 is the batch, which Concatenate cannot join along. Use"
                    + " axis = -1 for the last axis (a feature map's channels), or 1, 2, ... counting from the first"
                    + " axis after the batch."));
        }
        return problems;
    }

    @Override
    public Optional<Problem> mergeProblem(List<Shape> shapes, List<String> names) {
        Shape first = shapes.get(0);
        for (int i = 1; i < shapes.size(); i++) {
            if (shapes.get(i).rank() != first.rank()) {
                return Optional.of(Problem.ofElement("value", i, "Concatenate joins outputs of one rank, but "
                        + MergeSpec.shown(names.get(0)) + " outputs " + first + " and " + MergeSpec.shown(names.get(i))
                        + " outputs " + shapes.get(i) + ". Flatten both, or reshape one to the other's rank."));
            }
        }
        int index = index(first.rank());
        if (index < 0) {
            return Optional.of(Problem.ofAttribute("axis", "axis " + axis + " is not an axis of "
                    + MergeSpec.shown(names.get(0)) + "'s " + first + ": counting the batch as 0, its axes are 1 to " + first.rank() + ", or -1 to -"
                    + first.rank() + " from the end. Use axis = -1 to join along the last."));
        }
        for (int i = 1; i < shapes.size(); i++) {
            for (int d = 0; d < first.rank(); d++) {
                if (d != index && shapes.get(i).dim(d) != first.dim(d)) {
                    return Optional.of(Problem.ofElement("value", i, "Concatenate along axis " + axis + " needs the"
                            + " other axes to agree, but " + MergeSpec.shown(names.get(0)) + " outputs " + first
                            + " and " + MergeSpec.shown(names.get(i)) + " outputs " + shapes.get(i) + ", which differ on axis " + (d + 1) + ". Make the"
                            + " branches agree there (the same padding and strides), or join along that axis."));
                }
            }
        }
        long joined = shapes.stream().mapToLong(shape -> shape.dim(index)).sum();
        if (joined > Integer.MAX_VALUE) {
            return Optional.of(Problem.ofAttribute("value", "Concatenate along axis " + axis + " would join "
                    + joined + " values on it, more than one dimension holds (" + Integer.MAX_VALUE + "). Join"
                    + " smaller outputs."));
        }
        return Optional.empty();
    }

    @Override
    public Shape mergedShape(List<Shape> inputs) {
        int[] dims = inputs.get(0).dims();
        int index = index(dims.length);
        dims[index] = Math.toIntExact(inputs.stream().mapToLong(shape -> shape.dim(index)).sum());
        return Shape.of(dims);
    }

    /** The axis as an index into a shape of {@code rank} without the batch, or -1 if it is not one of its axes. */
    public int index(int rank) {
        int index = axis < 0 ? rank + axis : axis - 1;
        return index >= 0 && index < rank ? index : -1;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.concatenate(this);
    }
}
