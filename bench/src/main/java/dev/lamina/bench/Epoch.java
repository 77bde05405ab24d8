package dev.lamina.bench;

import java.util.Locale;

/**
 * One timed epoch, with the gemm rate measured just before it (this shared machine's speed drifts
 * within a run, so each epoch's share of the gemm rate is taken against its own measurement) and the
 * milliseconds the JIT compiled for during it. An {@link EngineServer} sends it to the benchmark as
 * one line.
 */
record Epoch(double seconds, double accuracy, double gemmRate, double jitMillis) {
    private static final String TAG = "epoch";

    double jitShare() {
        return jitMillis / 1000 / seconds;
    }

    /** Its line: the tag and the four numbers, each printed so that it reads back exactly. */
    String line() {
        return String.format(Locale.ROOT, "%s %s %s %s %s", TAG, seconds, accuracy, gemmRate, jitMillis);
    }

    static Epoch parse(String line) {
        String[] fields = line.split(" ");
        if (fields.length != 5 || !fields[0].equals(TAG)) {
            throw new IllegalArgumentException("not an epoch's line: " + line);
        }
        return new Epoch(Double.parseDouble(fields[1]), Double.parseDouble(fields[2]), Double.parseDouble(fields[3]),
                Double.parseDouble(fields[4]));
    }
}
