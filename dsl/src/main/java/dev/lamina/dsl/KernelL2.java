package dev.lamina.dsl;

import java.util.Optional;

/** The rule of the {@code kernelL2} setting of {@link Dense} and {@link Conv2D}, written once for both. */
final class KernelL2 {
    private KernelL2() {
    }

    /** The problem with {@code kernelL2} on a layer of {@code kind}, if any: it must be finite and at least 0. */
    static Optional<Problem> problem(String kind, double kernelL2) {
        if (kernelL2 >= 0 && kernelL2 < Double.POSITIVE_INFINITY) {
            return Optional.empty(); // NaN fails both comparisons
        }
        return Optional.of(Problem.ofAttribute("kernelL2", kind + " needs a finite kernelL2 of at least 0 but has"
                + " kernelL2 = " + kernelL2 + ". It is the factor of the penalty kernelL2 · Σ kernel² added to the loss:"
                + " use a small one such as 0.01 (Keras' L2 default), or remove kernelL2 for none."));
    }
}
