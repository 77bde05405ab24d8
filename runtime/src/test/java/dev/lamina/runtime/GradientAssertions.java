package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.runtime.training.GradientCheck;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Asserts gradients against central finite differences, every element ({@link GradientCheck}). */
public final class GradientAssertions {
    private GradientAssertions() {
    }

    /**
     * Asserts that {@code analytic} is the gradient of {@code loss} with respect to {@code parameter},
     * which the loss reads each time it is called.
     */
    public static void assertMatches(String name, INDArray parameter, INDArray analytic, DoubleSupplier loss) {
        assertEquals(List.of(), GradientCheck.compare(name, parameter, analytic, loss,
                GradientCheck.all(parameter)));
    }
}
