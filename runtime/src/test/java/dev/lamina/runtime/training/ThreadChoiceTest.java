package dev.lamina.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/** The choice of threads fed step times as each count would take them: quiet, loaded, and the load changing. */
class ThreadChoiceTest {
    /** Runs {@code steps} steps whose time on each count {@code time} gives; returns the steps run on each count. */
    private static int[] run(ThreadChoice choice, int steps, IntToLongFunction time, int most) {
        int[] counts = new int[most + 1];
        for (int i = 0; i < steps; i++) {
            int threads = choice.threads();
            counts[threads]++;
            choice.stepTook(time.applyAsLong(threads));
        }
        return counts;
    }

    @Test
    void onAQuietMachineAllCoresStayChosenAndTheOtherIsTriedRarely() {
        ThreadChoice choice = new ThreadChoice(2, 2);
        // Two threads: 10 ms a step; one: 15 ms.
        int[] counts = run(choice, 5_000, threads -> threads == 2 ? 10_000_000 : 15_000_000, 2);
        assertEquals(2, choice.threads());
        double share = counts[1] / 5_000.0;
        assertTrue(share <= 1.0 / ThreadChoice.STAY + 0.01, "steps on the slower count: " + share);
        assertTrue(counts[1] >= ThreadChoice.WINDOW, "it was tried");
    }

    @Test
    void withACoreBusyOneThreadFewerIsChosenAfterOneTrial() {
        ThreadChoice choice = new ThreadChoice(2, 2);
        // Two threads wait for each other: 30 ms; one: 12 ms.
        int[] counts = run(choice, 5_000, threads -> threads == 2 ? 30_000_000 : 12_000_000, 2);
        assertEquals(1, choice.threads());
        assertTrue(counts[2] <= 2 * ThreadChoice.WINDOW + 5_000 / (ThreadChoice.STAY * ThreadChoice.WINDOW) * ThreadChoice.WINDOW,
                counts[2] + " steps on two threads");
        // Each trial that loses doubles the wait before the next: fewer trials than at a fixed STAY.
        assertTrue(counts[2] < 6 * ThreadChoice.WINDOW, counts[2] + " steps on two threads");
        assertTrue(counts[1] > 4_500, counts[1] + " steps on one thread");
    }

    /**
     * Calls on two threads mostly faster, but one in fifty stalled 4 ms at a barrier: by the window's
     * median two threads win, by its mean (what a service's requests wait on average) one thread does.
     */
    @Test
    void byTheMeanOccasionalStallsCountAndByTheMedianTheyDoNot() {
        int[] call = {0};
        IntToLongFunction time = threads -> {
            call[0]++;
            return threads == 2 ? (call[0] % 50 == 0 ? 4_000_000 : 60_000) : 90_000;
        };
        ThreadChoice byMedian = new ThreadChoice(2, 2);
        run(byMedian, 20_000, time, 2);
        assertEquals(2, byMedian.threads());
        ThreadChoice byMean = new ThreadChoice(2, 2, true);
        int[] counts = run(byMean, 20_000, time, 2);
        assertEquals(1, byMean.threads());
        assertTrue(counts[1] > 18_000, counts[1] + " calls on one thread");
    }

    /**
     * One pause of 50 ms in a window (a garbage collection, whatever the threads) does not make the
     * faster count lose: the slowest call of a window is left out of its mean.
     */
    @Test
    void byTheMeanOnePauseInAWindowDoesNotCount() {
        int[] call = {0};
        IntToLongFunction time = threads -> {
            call[0]++;
            return call[0] % 1_000 == 0 ? 50_000_000 : threads == 2 ? 60_000 : 90_000;
        };
        ThreadChoice byMean = new ThreadChoice(2, 2, true);
        int[] counts = run(byMean, 50_000, time, 2);
        assertEquals(2, byMean.threads());
        assertTrue(counts[2] > 45_000, counts[2] + " calls on two threads");
    }

    @Test
    void whenLoadAppearsTheChoiceMovesAtOnceAndWhenItGoesItMovesBack() {
        ThreadChoice choice = new ThreadChoice(2, 2);
        int[] step = {0};
        IntToLongFunction time = threads -> {
            boolean loaded = step[0] >= 2_000 && step[0] < 4_000;
            step[0]++;
            return threads == 2 ? (loaded ? 30_000_000 : 10_000_000) : (loaded ? 12_000_000 : 15_000_000);
        };
        run(choice, 2_000, time, 2);
        assertEquals(2, choice.threads(), "quiet: two threads");
        int[] loaded = run(choice, 200, time, 2);
        assertEquals(1, choice.threads(), "a third slower than one thread was: one thread is tried at once and kept");
        assertTrue(loaded[2] <= 3 * ThreadChoice.WINDOW, loaded[2] + " loaded steps on two threads");
        run(choice, 1_800, time, 2);
        run(choice, (ThreadChoice.LONGEST_STAY + 2) * ThreadChoice.WINDOW, time, 2);
        assertEquals(2, choice.threads(), "quiet again: two threads are tried within LONGEST_STAY windows and kept");
    }

    /**
     * Short calls: two threads lose their first trials while the JVM's compiler has a core (a stall
     * of 4 ms in every 30 calls), then win once it is done; the calls are back on two threads within
     * {@link ThreadChoice#LONGEST_CALL_STAY} windows of it, not the steps' {@link ThreadChoice#LONGEST_STAY}.
     */
    @Test
    void callsGoBackToTwoThreadsSoonAfterTheCompilerIsDone() {
        ThreadChoice choice = new ThreadChoice(2, 2, true);
        int[] call = {0};
        int compiling = 6_000;
        IntToLongFunction time = threads -> {
            boolean stalls = call[0] < compiling && call[0] % 30 == 0;
            call[0]++;
            return threads == 2 ? (stalls ? 4_000_000 : 50_000) : 80_000;
        };
        run(choice, compiling, time, 2);
        assertEquals(1, choice.threads(), "while compiling: one thread");
        int[] after = run(choice, (ThreadChoice.LONGEST_CALL_STAY + 2) * ThreadChoice.CALL_WINDOW, time, 2);
        assertEquals(2, choice.threads(), "two threads again within LONGEST_CALL_STAY windows");
        assertTrue(after[2] > after[1], "most calls after compiling on two threads: " + after[1] + " on one");
    }

    @Test
    void amongMoreCoresTheCountClimbsDownToTheFastest() {
        ThreadChoice choice = new ThreadChoice(4, 4);
        // 4 threads: 20 ms, 3: 14, 2: 10, 1: 16 (say, two other processes busy).
        long[] times = {0, 16_000_000, 10_000_000, 14_000_000, 20_000_000};
        run(choice, 20_000, threads -> times[threads], 4);
        assertEquals(2, choice.threads());
    }

    @Test
    void aFitStartsWhereTheLastOneChoseAndTriesItsNeighbourOnce() {
        ThreadChoice choice = new ThreadChoice(2, 1);
        int[] counts = run(choice, 400, threads -> threads == 2 ? 30_000_000 : 12_000_000, 2);
        assertEquals(1, choice.threads());
        assertEquals(ThreadChoice.WINDOW, counts[2], "one window's trial of two threads");
    }

    @Test
    void noiseWithinTheMarginDoesNotMoveTheChoice() {
        ThreadChoice choice = new ThreadChoice(2, 2);
        // One thread is 1% faster: not enough to leave the count in use.
        run(choice, 3_000, threads -> threads == 2 ? 10_000_000 : 9_900_000, 2);
        assertEquals(2, choice.threads());
    }
}
