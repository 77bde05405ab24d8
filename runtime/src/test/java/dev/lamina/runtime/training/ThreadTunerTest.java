package dev.lamina.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.runtime.kernels.NativeThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tuner sets ND4J's threads: fixed when asked, chosen otherwise, and the count before set back. */
class ThreadTunerTest {
    private String property;
    private int before;

    @BeforeEach
    void clearTheTestsFixedCount() {
        property = System.clearProperty(ThreadTuner.PROPERTY);
        before = NativeThreads.get();
    }

    @AfterEach
    void restore() {
        if (property != null) {
            System.setProperty(ThreadTuner.PROPERTY, property);
        }
        NativeThreads.set(before);
    }

    @Test
    void aFixedCountHoldsForTheFitAndTheCountBeforeComesBack() {
        try (ThreadTuner tuner = ThreadTuner.start(FitOptions.defaults().threads(1))) {
            assertEquals(1, NativeThreads.get());
            for (int i = 0; i < 10 * ThreadChoice.WINDOW; i++) {
                tuner.stepTook(i % 2 == 0 ? 1_000 : 50_000_000);
            }
            assertEquals(1, NativeThreads.get(), "a fixed count is not tuned");
        }
        assertEquals(before, NativeThreads.get());
    }

    @Test
    void tuningMovesTheThreadsAndTheCountBeforeComesBack() {
        NativeThreads.set(2);
        try (ThreadTuner tuner = ThreadTuner.start(FitOptions.defaults())) {
            // Two threads slow, one fast: the first window on two, then the trial of one, kept.
            for (int i = 0; i < 3 * ThreadChoice.WINDOW; i++) {
                tuner.stepTook(NativeThreads.get() == 2 ? 30_000_000 : 10_000_000);
            }
            assertEquals(1, NativeThreads.get());
        }
        assertEquals(2, NativeThreads.get());
        // The next fit starts on the count this one chose, and its ops run on it from the first step.
        try (ThreadTuner next = ThreadTuner.start(FitOptions.defaults())) {
            assertEquals(1, NativeThreads.get());
        }
        assertEquals(2, NativeThreads.get());
    }

    @Test
    void theSystemPropertyFixesTheCountAsTheOptionDoes() {
        System.setProperty(ThreadTuner.PROPERTY, "1");
        try (ThreadTuner tuner = ThreadTuner.start(FitOptions.defaults())) {
            assertEquals(1, NativeThreads.get());
        }
        assertThrows(IllegalArgumentException.class, () -> FitOptions.defaults().threads(-1));
        assertThrows(IllegalArgumentException.class, () -> NativeThreads.set(0));
    }
}
