package dev.lamina.runtime.training;

import dev.lamina.runtime.kernels.NativeThreads;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The threads a small prediction (a service's request: at most {@value #MAX_SAMPLES} samples) runs its
 * ops on: chosen for each calling thread, network and batch size by timing the calls ({@link ThreadChoice}
 * on each window's mean, so that a stalled call counts), unless the system property
 * {@value ThreadTuner#PROPERTY} fixes the count.
 *
 * <p>Why: an op split over two threads waits at its end for both; when anything else wants a core
 * (the JVM's collector or compiler, another request, another process) the thread whose core is taken
 * arrives up to a scheduler tick late, and a 60 us batch-1 call takes 4 ms. One thread never waits,
 * but a wide layer is slower on one on a quiet machine. Which wins depends on the load, which no one
 * knows in advance. OpenMP keeps the count per thread ({@link NativeThreads#setForThisThread}), so each
 * request thread chooses for itself and a fit on another thread is not affected.
 */
final class InferenceThreads {
    /** The largest batch tuned; larger ones run on every core, where the work is large enough to share. */
    static final int MAX_SAMPLES = 32;
    /** Choices kept per thread (one per network and batch size); beyond, calls run untuned. */
    private static final int MAX_CHOICES = 64;
    private static final ThreadLocal<Map<ChoiceKey, ThreadChoice>> CHOICES = ThreadLocal.withInitial(HashMap::new);

    private InferenceThreads() {
    }

    /** Runs {@code call}, a prediction of {@code samples} samples by {@code network}, on the threads chosen for it. */
    static <T> T run(AbstractNetwork network, long samples, Supplier<T> call) {
        ThreadChoice choice = samples <= MAX_SAMPLES ? choice(network, samples) : null;
        if (choice == null) {
            return call.get();
        }
        int before = NativeThreads.get();
        int threads = choice.threads();
        if (threads != before) {
            NativeThreads.setForThisThread(threads);
        }
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            choice.stepTook(System.nanoTime() - start);
            if (threads != before) {
                NativeThreads.setForThisThread(before);
            }
        }
    }

    /** This thread's choice for the network and batch size, or null where none is made. */
    private static ThreadChoice choice(AbstractNetwork network, long samples) {
        if (!NativeThreads.settable() || Integer.getInteger(ThreadTuner.PROPERTY, 0) > 0) {
            return null;
        }
        Map<ChoiceKey, ThreadChoice> choices = CHOICES.get();
        ChoiceKey key = new ChoiceKey(network.getClass().getName(), samples);
        ThreadChoice choice = choices.get(key);
        if (choice == null) {
            int most = NativeThreads.get();
            if (most < 2 || choices.size() >= MAX_CHOICES) {
                return null;
            }
            choice = new ThreadChoice(most, most, true);
            choices.put(key, choice);
        }
        return choice;
    }

    /**
     * A network class and a batch size: what a choice is kept for. By the class's name, not the class,
     * so that a thread's choices keep no class loader alive (a service's redeployed application).
     */
    private record ChoiceKey(String network, long samples) {
    }
}
