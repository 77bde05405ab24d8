package dev.lamina.runtime.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The schedules against Keras 3's formulas (keras/src/optimizers/schedules/learning_rate_schedule.py),
 * the expected values computed in Python from those formulas, not from this code.
 */
class LearningRateScheduleTest {

    @Test
    void cosineDecayFallsAlongHalfACosineToZeroAndStays() {
        LearningRateSchedule schedule = LearningRateSchedule.cosineDecay(1e-3, 100);
        assertRates(schedule, new long[] {0, 25, 50, 100, 150},
                new double[] {0.001, 0.0008535533905932737, 0.0005, 0.0, 0.0});
    }

    @Test
    void cosineDecayWarmsUpLinearlyThenDecaysToAlphaTimesTheTarget() {
        // CosineDecay(0.0, 100, alpha=0.1, warmup_target=2e-3, warmup_steps=10)
        LearningRateSchedule schedule = LearningRateSchedule.cosineDecay(0, 100, 0.1, 10, 2e-3);
        assertRates(schedule, new long[] {0, 5, 10, 60, 110, 200},
                new double[] {0.0, 0.001, 0.002, 0.0011, 0.0002, 0.0002});
    }

    @Test
    void exponentialDecaySmoothAndStaircase() {
        assertRates(LearningRateSchedule.exponentialDecay(0.1, 10, 0.5, false), new long[] {0, 5, 15},
                new double[] {0.1, 0.07071067811865477, 0.03535533905932738});
        assertRates(LearningRateSchedule.exponentialDecay(0.1, 10, 0.5, true), new long[] {9, 10, 15, 20},
                new double[] {0.1, 0.05, 0.05, 0.025});
    }

    @Test
    void piecewiseConstantChangesAfterEachBoundary() {
        LearningRateSchedule schedule = LearningRateSchedule.piecewiseConstant(new long[] {10, 20},
                new double[] {1.0, 0.5, 0.1});
        assertRates(schedule, new long[] {0, 10, 11, 20, 21, 1000}, new double[] {1.0, 1.0, 0.5, 0.5, 0.1, 0.1});
    }

    @Test
    void badArgumentsAreRefusedByName() {
        assertMessage(() -> LearningRateSchedule.cosineDecay(1e-3, 0), "decaySteps must be positive but is 0");
        assertMessage(() -> LearningRateSchedule.cosineDecay(-1, 10), "initialRate, a learning rate, must be finite");
        assertMessage(() -> LearningRateSchedule.cosineDecay(1e-3, 10, 1.5, 0, 1e-3), "alpha");
        assertMessage(() -> LearningRateSchedule.exponentialDecay(0.1, 10, 0, false), "decayRate must be positive");
        assertMessage(() -> LearningRateSchedule.piecewiseConstant(new long[] {10}, new double[] {1.0}),
                "one value more than boundaries, but got 1 boundaries and 1 values");
        assertMessage(() -> LearningRateSchedule.piecewiseConstant(new long[] {10, 10}, new double[] {1, 2, 3}),
                "boundaries[1] = 10 follows 10");
        assertMessage(() -> LearningRateSchedule.piecewiseConstant(new long[] {10}, new double[] {1, Double.NaN}),
                "values[1], a learning rate");
    }

    private static void assertRates(LearningRateSchedule schedule, long[] steps, double[] expected) {
        for (int i = 0; i < steps.length; i++) {
            assertEquals(expected[i], schedule.rate(steps[i]), 1e-15, "step " + steps[i]);
        }
    }

    private static void assertMessage(Executable call, String part) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
        assertTrue(error.getMessage().contains(part), error.getMessage());
    }
}
