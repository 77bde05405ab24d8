package dev.lamina.processor.read;

/**
 * An annotation value the compiler could not give a constant for, usually because the source has an
 * error there that the compiler reports itself.
 */
final class UnreadableValueException extends Exception {
    private final String attribute;

    UnreadableValueException(String attribute, Object found) {
        super("the value of " + attribute + " cannot be read" + (found == null ? " (it is missing)" : " (" + found + ")"));
        this.attribute = attribute;
    }

    String attribute() {
        return attribute;
    }
}
