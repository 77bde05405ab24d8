package dev.lamina.dsl;

/**
 * Something wrong with a layer, phrased for the user with the fix in it.
 *
 * @param attribute the annotation attribute at fault ({@code "units"}), or null when the layer as a
 *     whole is at fault, for instance because of the shape it receives
 * @param message what is wrong, the shapes involved, and how to fix it
 */
public record Problem(String attribute, String message) {
    public static Problem ofLayer(String message) {
        return new Problem(null, message);
    }

    public static Problem ofAttribute(String attribute, String message) {
        return new Problem(attribute, message);
    }
}
