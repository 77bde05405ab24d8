package dev.lamina.dsl;

import java.util.Optional;

/**
 * The rule for the random image layers' factors: each is the largest change as a fraction, in [0, 1],
 * drawn in [-factor, factor] (Keras checks a single-number factor so). NaN is refused with the rest.
 */
final class AugmentationFactor {
    private AugmentationFactor() {
    }

    /** The problem with {@code kind}'s {@code attribute} = {@code value}, if any; {@code meaning} says what it is. */
    static Optional<Problem> problem(String kind, String attribute, double value, String meaning) {
        if (value >= 0 && value <= 1) {
            return Optional.empty();
        }
        return Optional.of(Problem.ofAttribute(attribute, kind + " needs " + attribute + " in [0, 1] but has "
                + attribute + " = " + value + ". " + meaning));
    }
}
