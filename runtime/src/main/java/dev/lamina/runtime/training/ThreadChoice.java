package dev.lamina.runtime.training;

import java.util.Arrays;

/**
 * Which number of threads, from 1 to {@code most}, runs training steps fastest, found while training:
 * the steps are timed in windows of {@value #WINDOW}; after a window on the chosen count, now and then
 * (after {@value #STAY} windows, twice as many after each trial the chosen count won, up to
 * {@value #LONGEST_STAY}, fewer for short calls; or at once if it became a third slower than the count next to it was) one
 * window runs on one thread fewer or more, alternately, and the faster count is kept. A trial costs
 * its window's steps on a slower count, so the longer a choice holds, the rarer the trials.
 *
 * <p>Why: when another process keeps a core busy, the threads of an op wait for each other at every
 * barrier and a step takes two to three times as long on all cores as on one fewer; on a quiet machine
 * all cores are fastest. Neither can be known in advance, and either can change during a run. Pure
 * logic, fed durations, so that it is tested without a clock.
 */
final class ThreadChoice {
    /** Steps timed for one comparison: their median is the window's time, so a stray slow step does not count. */
    static final int WINDOW = 16;
    /**
     * Calls timed for one comparison of short calls (predictions of a few samples, some 0.1 ms each):
     * enough to hold stalls that happen to one call in a hundred.
     */
    static final int CALL_WINDOW = 128;
    /** Windows on the chosen count before another is tried, at first and after a change. */
    static final int STAY = 24;
    /** The most windows between two trials, however long a choice has held. */
    static final int LONGEST_STAY = 4 * STAY;
    /**
     * {@link #STAY} for short calls: 8 windows of 128, some 0.1 s of batch-1 predictions. Why: in a
     * fresh JVM the compiler takes a core for the first few thousand calls, two threads lose a trial
     * then, and at {@link #STAY} the calls stayed on one thread for thousands of calls after the
     * compiler was done (MnistMlp's batch-1 median 134-166 us on one thread then, 58-78 on two).
     */
    static final int CALL_STAY = 8;
    /** {@link #LONGEST_STAY} for short calls: a trial window in 32 costs a thirty-second of the calls at most. */
    static final int LONGEST_CALL_STAY = 4 * CALL_STAY;
    /** How much faster another count must be to be chosen: noise within it does not move the choice. */
    private static final double MARGIN = 0.97;
    /** How much slower the chosen count may become than a neighbour was before that neighbour is tried at once. */
    private static final double SLOWER = 1.3;

    private final int most;
    /**
     * Whether a window's time is its mean but for its slowest call (stalls count; one collector pause,
     * which has nothing to do with the threads, does not) rather than its median.
     */
    private final boolean byMean;
    private final double[] times;
    private final long[] window;
    /**
     * The windows before a trial at first and after a change, and the most between two: {@link #STAY}
     * and {@link #LONGEST_STAY}, or the calls' shorter ones.
     */
    private final int firstStay;
    private final int longestStay;
    private int filled;
    private int chosen;
    private int current;
    private int sinceTrial;
    private int stay;
    private boolean tryFewer = true;

    /** Choosing among 1 to {@code most} threads, starting on {@code start} (the last fit's choice), by each window's median. */
    ThreadChoice(int most, int start) {
        this(most, start, false);
    }

    /**
     * Choosing among 1 to {@code most} threads, starting on {@code start}; if {@code byMean}, over
     * windows of {@value #CALL_WINDOW} calls by their mean but for the slowest: for calls whose stalls
     * are the cost to avoid (a request that waited 4 ms at a barrier for a descheduled thread), which a
     * median would not see.
     */
    ThreadChoice(int most, int start, boolean byMean) {
        this.most = most;
        this.byMean = byMean;
        this.window = new long[byMean ? CALL_WINDOW : WINDOW];
        this.firstStay = byMean ? CALL_STAY : STAY;
        this.longestStay = byMean ? LONGEST_CALL_STAY : LONGEST_STAY;
        this.stay = firstStay;
        this.times = new double[most + 1];
        Arrays.fill(times, Double.NaN);
        this.chosen = Math.max(1, Math.min(most, start));
        this.current = chosen;
    }

    /** The count chosen: where the steps run but for trials. */
    int chosen() {
        return chosen;
    }

    /** The threads the next step runs on. */
    int threads() {
        return current;
    }

    /** Records that a step on {@link #threads()} threads took {@code nanos}; returns the threads for the next step. */
    int stepTook(long nanos) {
        window[filled++] = nanos;
        if (filled < window.length) {
            return current;
        }
        filled = 0;
        long[] sorted = window.clone();
        Arrays.sort(sorted);
        if (byMean) {
            times[current] = (double) Arrays.stream(sorted, 0, sorted.length - 1).sum() / (sorted.length - 1);
        } else {
            times[current] = sorted[sorted.length / 2];
        }
        if (current != chosen) {
            // A trial ended: keep the faster, and try again soon after a change, later after none.
            if (times[current] < times[chosen] * MARGIN) {
                chosen = current;
                stay = firstStay;
            } else {
                stay = Math.min(2 * stay, longestStay);
            }
            current = chosen;
            sinceTrial = 0;
            return current;
        }
        sinceTrial++;
        int neighbour = neighbour();
        boolean neverTried = neighbour != chosen && Double.isNaN(times[neighbour]);
        boolean slowedDown = neighbour != chosen && times[chosen] > times[neighbour] * SLOWER;
        if (neighbour != chosen && (neverTried || slowedDown || sinceTrial >= stay)) {
            current = neighbour;
            tryFewer = !tryFewer;
        }
        return current;
    }

    /** The count to try next: one fewer or one more than the chosen, alternately, within 1 and {@link #most}. */
    private int neighbour() {
        int fewer = Math.max(1, chosen - 1);
        int more = Math.min(most, chosen + 1);
        if (fewer == chosen) {
            return more;
        }
        if (more == chosen) {
            return fewer;
        }
        return tryFewer ? fewer : more;
    }
}
