package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/**
 * A merge that combines its inputs element by element ({@link Add}, {@link Multiply}, {@link Average}):
 * every input of one shape, which is the output's. Where two differ, the problem proposes the layer
 * that projects the second onto the first ({@link Projection}). The one rule of the three kinds.
 */
public sealed interface ElementwiseMergeSpec extends MergeSpec permits AddSpec, MultiplySpec, AverageSpec {

    /** What the merge does to its inputs, for its message: "sums", "multiplies", "averages". */
    String combines();

    @Override
    default Optional<Problem> mergeProblem(List<Shape> shapes, List<String> names) {
        Shape first = shapes.get(0);
        for (int i = 1; i < shapes.size(); i++) {
            if (!shapes.get(i).equals(first)) {
                return Optional.of(Problem.ofElement("value", i, kind() + " " + combines() + " outputs of one shape, but "
                        + MergeSpec.shown(names.get(0)) + " outputs " + first + " and " + MergeSpec.shown(names.get(i))
                        + " outputs " + shapes.get(i) + ". "
                        + Projection.toMatch(names.get(i), shapes.get(i), first)));
            }
        }
        return Optional.empty();
    }

    @Override
    default Shape mergedShape(List<Shape> inputs) {
        return inputs.get(0);
    }
}
