package dev.lamina.dsl;

/**
 * Something wrong with a layer, phrased for the user with the fix in it.
 *
 * @param attribute the annotation attribute at fault ({@code "units"}), or null when the layer as a
 *     whole is at fault, for instance because of the shape it receives
 * @param element the index of the value at fault in an array {@code attribute} ({@code @Add}'s
 *     second name: 1), or -1 for the attribute as a whole
 * @param message what is wrong, the shapes involved, and how to fix it
 */
public record Problem(String attribute, int element, String message) {
    public static Problem ofLayer(String message) {
        return new Problem(null, -1, message);
    }

    public static Problem ofAttribute(String attribute, String message) {
        return new Problem(attribute, -1, message);
    }

    /** A problem with one value of an array attribute: {@code ofElement("value", 1, ...)} for a merge's second name. */
    public static Problem ofElement(String attribute, int element, String message) {
        return new Problem(attribute, element, message);
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
