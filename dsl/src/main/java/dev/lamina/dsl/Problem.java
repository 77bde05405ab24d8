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

    /**
     * A setting as a fix writes it, so that it compiles pasted into a model: the constant qualified
     * by its type, which a model's file imports as it does the annotations ({@code padding =
     * Padding.SAME}); a static import of the constant is not assumed.
     */
    public static String setting(String attribute, Enum<?> value) {
        return attribute + " = " + constant(value);
    }

    /** {@code Padding.SAME}, {@code Optimizer.Kind.ADAM}: the constant qualified by its type's name in its package. */
    public static String constant(Enum<?> value) {
        Class<?> type = value.getDeclaringClass();
        return type.getCanonicalName().substring(type.getPackageName().length() + 1) + "." + value.name();
    }
}
