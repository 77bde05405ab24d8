package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/**
 * A layer that takes several layers' outputs ({@link Add}, {@link Multiply}, {@link Average},
 * {@link Concatenate}) rather than one. Its shape rule is over the list of their shapes; the
 * one-input rule of {@link LayerSpec} does not apply to it.
 */
public sealed interface MergeSpec extends LayerSpec permits ElementwiseMergeSpec, ConcatenateSpec {

    /** The names of the layers whose outputs it takes, in order, as its annotation lists them. */
    List<String> inputs();

    /**
     * The problem with merging outputs of these shapes, if any, phrased with the layers' names.
     * Called only when {@link #settingProblems()} is empty.
     */
    Optional<Problem> mergeProblem(List<Shape> inputs, List<String> names);

    /** The merged shape of inputs without a problem. */
    Shape mergedShape(List<Shape> inputs);

    /** A listed name as a message shows it: the layer's, or "the input" for {@link Model#INPUT}. */
    static String shown(String name) {
        return name.equals(Model.INPUT) ? "the input" : name;
    }

    /** Problems with the list of names: a merge takes at least two. */
    @Override
    default List<Problem> settingProblems() {
        if (inputs().size() < 2) {
            return List.of(Problem.ofAttribute("value", "@" + kind() + " merges at least two layers' outputs but lists "
                    + inputs().size() + ". List them: @" + kind() + "({\"a\", \"b\"})."));
        }
        return List.of();
    }

    /** Not defined for a merge: see {@link #mergeProblem}. */
    @Override
    default Optional<Problem> inputProblem(Shape input, String name) {
        throw new UnsupportedOperationException(kind() + " takes several inputs: see mergeProblem");
    }

    /** Not defined for a merge: see {@link #mergedShape}. */
    @Override
    default Optional<Shape> outputShape(Shape input) {
        throw new UnsupportedOperationException(kind() + " takes several inputs: see mergedShape");
    }
}
