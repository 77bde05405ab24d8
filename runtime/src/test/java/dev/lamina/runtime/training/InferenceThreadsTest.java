package dev.lamina.runtime.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.kernels.NativeThreads;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small predictions choose their threads per calling thread: the count where calls are faster on
 * average is kept, the thread's own count is set back after each call, other threads are untouched,
 * and the system property that fixes the threads turns the choice off.
 */
class InferenceThreadsTest {
    private String property;
    private int before;

    @BeforeEach
    void clearTheTestsFixedCount() {
        property = System.clearProperty(ThreadTuner.PROPERTY);
        before = NativeThreads.get();
        NativeThreads.setForThisThread(2);
    }

    @AfterEach
    void restore() {
        if (property != null) {
            System.setProperty(ThreadTuner.PROPERTY, property);
        }
        NativeThreads.setForThisThread(before);
    }

    /** Calls that take 1 ms on two threads and 0.05 ms on one (as stalled barriers would): one thread is kept. */
    @Test
    void theFasterCountIsKeptAndTheThreadsOwnCountComesBackAfterEachCall() throws Exception {
        AbstractNetwork network = new AbstractNetworkTest.Tiny(List.of(), DataType.FLOAT);
        AtomicInteger onOne = new AtomicInteger();
        for (int call = 0; call < 6 * ThreadChoice.CALL_WINDOW; call++) {
            InferenceThreads.run(network, 1, () -> {
                int threads = NativeThreads.get();
                onOne.addAndGet(threads == 1 ? 1 : 0);
                LockSupport.parkNanos(threads == 2 ? 1_000_000 : 50_000);
                return null;
            });
            assertEquals(2, NativeThreads.get(), "the calling thread's count after the call");
        }
        assertTrue(onOne.get() >= 4 * ThreadChoice.CALL_WINDOW - 1, onOne + " of the calls on one thread");

        int[] elsewhere = new int[1];
        Thread other = new Thread(() -> elsewhere[0] = NativeThreads.get());
        other.start();
        other.join();
        assertEquals(2, elsewhere[0], "a thread that made no choice runs on all its threads");

        // A larger batch is not tuned: it runs on the thread's own count.
        int[] large = new int[1];
        InferenceThreads.run(network, InferenceThreads.MAX_SAMPLES + 1, () -> large[0] = NativeThreads.get());
        assertEquals(2, large[0]);
    }

    @Test
    void theSystemPropertyFixingTheThreadsTurnsTheChoiceOff() {
        System.setProperty(ThreadTuner.PROPERTY, "2");
        AbstractNetwork network = new AbstractNetworkTest.Tiny(List.of(), DataType.FLOAT);
        for (int call = 0; call < 6 * ThreadChoice.CALL_WINDOW; call++) {
            int threads = InferenceThreads.run(network, 1, () -> {
                int now = NativeThreads.get();
                LockSupport.parkNanos(now == 2 ? 1_000_000 : 50_000);
                return now;
            });
            assertEquals(2, threads);
        }
    }

    /** Through predict: the same outputs as on the fixed count, whatever the choice. */
    @Test
    void predictionsAreTheSameOnTheChosenThreads() {
        AbstractNetwork network = new AbstractNetworkTest.Tiny(List.of(), DataType.FLOAT);
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 2, 3);
        System.setProperty(ThreadTuner.PROPERTY, "2");
        INDArray fixed = network.predict(image);
        System.clearProperty(ThreadTuner.PROPERTY);
        for (int call = 0; call < 2 * ThreadChoice.CALL_WINDOW; call++) {
            assertEquals(fixed, network.predict(image));
        }
    }
}
