package dev.lamina.dsl;

import java.util.Locale;

/**
 * The layer that would turn one branch's output into the shape another's has, for a merge's message:
 * a 1x1 convolution (strided where the feature map is larger) for feature maps, a Dense layer for
 * flat outputs, as residual networks project a shortcut.
 */
final class Projection {
    private Projection() {
    }

    /** A sentence proposing a layer that takes {@code name}'s output of shape {@code from} to {@code to}. */
    static String toMatch(String name, Shape from, Shape to) {
        String field = name.equals(Model.INPUT) ? "inputProjection" : name + "Projection";
        String source = "from = " + quoted(name);
        String layer = null;
        if (from.rank() == 3 && to.rank() == 3) {
            int strides = strides(from, to);
            if (strides == 1) {
                layer = "@Conv2D(filters = " + to.dim(2) + ", kernel = {1, 1}, " + source + ")";
            } else if (strides > 1) {
                layer = "@Conv2D(filters = " + to.dim(2) + ", kernel = {1, 1}, strides = {" + strides + ", " + strides
                        + "}, " + Problem.setting("padding", Padding.SAME) + ", " + source + ")";
            }
        } else if (from.rank() == 1 && to.rank() == 1) {
            layer = "@Dense(units = " + to.dim(0) + ", " + source + ")";
        }
        if (layer == null) {
            return "Make the two branches end in the same shape.";
        }
        return String.format(Locale.ROOT, "Project %s to %s: declare %s Layer %s; before this layer and list %s"
                + " instead of %s.", MergeSpec.shown(name), to, layer, field, field, quoted(name));
    }

    /** The strides s that make a SAME convolution of {@code from} output {@code to}'s height and width, or 0 if none does. */
    private static int strides(Shape from, Shape to) {
        for (int s = 1; s <= Math.max(from.dim(0), from.dim(1)); s++) {
            if (ceilDiv(from.dim(0), s) == to.dim(0) && ceilDiv(from.dim(1), s) == to.dim(1)) {
                return s;
            }
        }
        return 0;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static String quoted(String name) {
        return name.equals(Model.INPUT) ? "Model.INPUT" : "\"" + name + "\"";
    }
}
