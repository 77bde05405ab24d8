package dev.lamina.runtime.training;

import dev.lamina.runtime.kernels.NativeThreads;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The threads {@code fit}'s steps run on: a count the caller fixed ({@link FitOptions#threads}, or the
 * system property {@value #PROPERTY}), or the fastest as {@link ThreadChoice} finds it while training.
 * The BLAS library's count is the process's (OpenMP's, which ND4J's gemm and oneDNN's convolutions
 * follow, is the calling thread's: {@link NativeThreads#setForThisThread}), so one fit at a time tunes
 * it; the count before the fit is set back when it ends.
 */
final class ThreadTuner implements AutoCloseable {
    /** The system property that fixes the threads of every fit, as {@link FitOptions#threads} does one's. */
    static final String PROPERTY = "lamina.threads";
    private static final AtomicBoolean TUNING = new AtomicBoolean();
    /** The count the last tuned fit chose, where the next starts (0: none yet); the load it found may well last. */
    private static volatile int lastChosen;

    private final ThreadChoice choice;
    private final int before;
    private final boolean owns;
    private int applied;

    private ThreadTuner(ThreadChoice choice, int before, boolean owns) {
        this.choice = choice;
        this.before = before;
        this.owns = owns;
        this.applied = before;
    }

    /** The tuner of one fit with {@code options}: fixed, tuning, or doing nothing (not the CPU backend, one core, another fit tunes). */
    static ThreadTuner start(FitOptions options) {
        if (!NativeThreads.settable()) {
            return new ThreadTuner(null, 0, false);
        }
        int before = NativeThreads.get();
        int fixed = options.threads() > 0 ? options.threads() : Integer.getInteger(PROPERTY, 0);
        if (fixed > 0) {
            NativeThreads.set(fixed);
            return new ThreadTuner(null, before, false);
        }
        if (before < 2 || !TUNING.compareAndSet(false, true)) {
            return new ThreadTuner(null, 0, false);
        }
        ThreadChoice choice = new ThreadChoice(before, lastChosen > 0 ? lastChosen : before);
        ThreadTuner tuner = new ThreadTuner(choice, before, true);
        if (choice.threads() != before) {
            NativeThreads.set(choice.threads());
            tuner.applied = choice.threads();
        }
        return tuner;
    }

    /** Records that the step just ended took {@code nanos}, and sets the threads of the next. */
    void stepTook(long nanos) {
        if (choice == null) {
            return;
        }
        int next = choice.stepTook(nanos);
        if (next != applied) {
            NativeThreads.set(next);
            applied = next;
        }
    }

    @Override
    public void close() {
        if (choice != null) {
            lastChosen = choice.chosen();
        }
        if (before > 0 && NativeThreads.get() != before) {
            NativeThreads.set(before);
        }
        if (owns) {
            TUNING.set(false);
        }
    }
}
