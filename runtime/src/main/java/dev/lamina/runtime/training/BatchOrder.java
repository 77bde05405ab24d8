package dev.lamina.runtime.training;

import java.util.SplittableRandom;

/** The order in which an epoch visits the samples: seeded shuffles, so runs repeat exactly. */
final class BatchOrder {
    private BatchOrder() {
    }

    /** The sample indices for {@code epoch}: 0..n-1, shuffled by a generator seeded from (seed, epoch). */
    static int[] forEpoch(int samples, boolean shuffle, long seed, int epoch) {
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        if (shuffle) {
            // Fisher-Yates; one generator per epoch, so resuming at an epoch reproduces its order.
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
            for (int i = samples - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }
}
