package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Central finite differences in double precision: every element of a parameter is nudged by
 * +-EPSILON and the loss's slope compared with the analytic gradient, relative error under 1e-5.
 */
public final class GradientCheck {
    private static final double EPSILON = 1e-6;
    private static final double TOLERANCE = 1e-5;

    private GradientCheck() {
    }

    /**
     * Asserts that {@code analytic} is the gradient of {@code loss} with respect to {@code parameter},
     * which the loss reads each time it is called.
     */
    public static void assertMatches(String name, INDArray parameter, INDArray analytic, DoubleSupplier loss) {
        for (long i = 0; i < parameter.length(); i++) {
            double original = parameter.getDouble(i);
            parameter.putScalar(i, original + EPSILON);
            double plus = loss.getAsDouble();
            parameter.putScalar(i, original - EPSILON);
            double minus = loss.getAsDouble();
            parameter.putScalar(i, original);
            double numeric = (plus - minus) / (2 * EPSILON);
            double exact = analytic.getDouble(i);
            double error = Math.abs(numeric - exact) / Math.max(Math.abs(numeric) + Math.abs(exact), 1e-8);
            assertTrue(error < TOLERANCE || Math.abs(numeric - exact) < 1e-9,
                    name + "[" + i + "]: analytic " + exact + ", finite difference " + numeric);
        }
    }
}
