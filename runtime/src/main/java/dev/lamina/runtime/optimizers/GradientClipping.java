package dev.lamina.runtime.optimizers;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * How an optimizer clips the gradients before each step, as Keras 3's {@code clipnorm},
 * {@code global_clipnorm} and {@code clipvalue} (keras/src/optimizers/base_optimizer.py,
 * {@code _clip_gradients}); at most one of them, as Keras allows. Clipping keeps one bad batch
 * from throwing the weights far off, and with it the moments of Adam and RMSprop.
 *
 * <p>Each clipping is one or two in-place passes of ND4J ops over a gradient, plus one pass for its
 * norm: no allocation, whatever the size of the parameter.
 */
public final class GradientClipping {
    private static final GradientClipping NONE = new GradientClipping(Kind.NONE, Double.POSITIVE_INFINITY);

    /** The kinds of clipping, with Keras' names. */
    public enum Kind {
        NONE("none"), NORM("clipnorm"), GLOBAL_NORM("global_clipnorm"), VALUE("clipvalue");

        private final String kerasName;

        Kind(String kerasName) {
            this.kerasName = kerasName;
        }

        /** The name of Keras' optimizer argument: {@code "clipnorm"}. */
        public String kerasName() {
            return kerasName;
        }
    }

    private final Kind kind;
    private final double limit;

    private GradientClipping(Kind kind, double limit) {
        this.kind = kind;
        this.limit = limit;
    }

    /** No clipping: Keras' default. */
    public static GradientClipping none() {
        return NONE;
    }

    /**
     * Keras' {@code clipnorm}: each parameter's gradient is scaled down to an L2 norm of at most
     * {@code clipNorm}, as {@code g * clipNorm / max(norm(g), clipNorm)}.
     */
    public static GradientClipping byNorm(double clipNorm) {
        return new GradientClipping(Kind.NORM, requirePositive("clipNorm", clipNorm));
    }

    /**
     * Keras' {@code global_clipnorm}: all gradients are scaled by one factor, so that the L2 norm of
     * all of them together is at most {@code globalClipNorm}; keeps the direction of the whole step.
     */
    public static GradientClipping byGlobalNorm(double globalClipNorm) {
        return new GradientClipping(Kind.GLOBAL_NORM, requirePositive("globalClipNorm", globalClipNorm));
    }

    /** Keras' {@code clipvalue}: every gradient element is clipped to [-clipValue, clipValue]. */
    public static GradientClipping byValue(double clipValue) {
        return new GradientClipping(Kind.VALUE, requirePositive("clipValue", clipValue));
    }

    private static double requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite but is " + value
                    + "; for no clipping use GradientClipping.none()");
        }
        return value;
    }

    public Kind kind() {
        return kind;
    }

    /** The norm or value clipped to; infinite for {@link #none()}. */
    public double limit() {
        return limit;
    }

    /** Clips the gradients of {@code parameters} in place. */
    void apply(List<Parameter> parameters) {
        switch (kind) {
            case NONE -> { }
            case NORM -> parameters.forEach(p -> clipByNorm(p.gradient()));
            case GLOBAL_NORM -> clipByGlobalNorm(parameters);
            case VALUE -> parameters.forEach(p -> {
                Transforms.min(p.gradient(), limit, false);
                Transforms.max(p.gradient(), -limit, false);
            });
        }
    }

    /** Keras' {@code _clip_by_norm}; a non-finite norm makes the gradient NaN or 0, as there. */
    private void clipByNorm(INDArray gradient) {
        double norm = gradient.norm2Number().doubleValue();
        if (!(norm <= limit)) {
            scale(gradient, limit / Math.max(norm, limit));
        }
    }

    /**
     * Multiplies {@code gradient} by {@code scale} in place. ND4J's scalar multiplication does not
     * multiply by NaN (it takes 1e-5 instead), so a NaN scale is written as NaN, as Keras' product is.
     */
    private static void scale(INDArray gradient, double scale) {
        if (Double.isNaN(scale)) {
            gradient.assign(Double.NaN);
        } else {
            gradient.muli(scale);
        }
    }

    /**
     * Keras' {@code clip_by_global_norm}: the scale {@code c * min(1 / norm, 1 / c)}, which is NaN
     * (and so every gradient) when the global norm is not finite.
     */
    private void clipByGlobalNorm(List<Parameter> parameters) {
        double squares = 0;
        for (Parameter p : parameters) {
            double norm = p.gradient().norm2Number().doubleValue();
            squares += norm * norm;
        }
        double norm = Math.sqrt(squares);
        if (norm <= limit) {
            return; // the scale is 1
        }
        double scale = limit * Math.min(1 / norm, 1 / limit) + (norm - norm);
        parameters.forEach(p -> scale(p.gradient(), scale));
    }

    /** Keras' argument and its value, {@code "clipnorm 1.0"}, or {@code "none"}. */
    @Override
    public String toString() {
        return kind == Kind.NONE ? "none" : kind.kerasName() + " " + limit;
    }
}
