package dev.lamina.runtime.training;

import dev.lamina.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of {@code fit}, with Keras' defaults: 1 epoch, batches of 32, shuffled every epoch.
 * Shuffling is seeded, so a run can be repeated exactly. Immutable; each setter returns a copy.
 *
 * <pre>{@code FitOptions.epochs(5).batchSize(128).validation(Mnist.test())}</pre>
 */
public final class FitOptions {
    private int epochs = 1;
    private int batchSize = 32;
    private boolean shuffle = true;
    private long seed = 0x5EED;
    private Dataset validation;
    private int verbose = 1;
    private List<Callback> callbacks = List.of();

    private FitOptions() {
    }

    public static FitOptions defaults() {
        return new FitOptions();
    }

    public static FitOptions epochs(int epochs) {
        return defaults().withEpochs(epochs);
    }

    public FitOptions withEpochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1 but is " + epochs);
        }
        FitOptions copy = copy();
        copy.epochs = epochs;
        return copy;
    }

    public FitOptions batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1 but is " + batchSize);
        }
        FitOptions copy = copy();
        copy.batchSize = batchSize;
        return copy;
    }

    /** Whether to shuffle the training samples before every epoch. */
    public FitOptions shuffle(boolean shuffle) {
        FitOptions copy = copy();
        copy.shuffle = shuffle;
        return copy;
    }

    /** The seed of the shuffling order. */
    public FitOptions seed(long seed) {
        FitOptions copy = copy();
        copy.seed = seed;
        return copy;
    }

    /** Data to evaluate on after every epoch (Keras' {@code validation_data}). */
    public FitOptions validation(Dataset validation) {
        FitOptions copy = copy();
        copy.validation = validation;
        return copy;
    }

    /** 0: silent; 1 or 2: one line per epoch. */
    public FitOptions verbose(int verbose) {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2 but is " + verbose);
        }
        FitOptions copy = copy();
        copy.verbose = verbose;
        return copy;
    }

    public FitOptions callbacks(Callback... callbacks) {
        FitOptions copy = copy();
        copy.callbacks = List.of(callbacks);
        return copy;
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean shuffle() {
        return shuffle;
    }

    public long seed() {
        return seed;
    }

    public Dataset validation() {
        return validation;
    }

    public int verbose() {
        return verbose;
    }

    public List<Callback> callbacks() {
        return callbacks;
    }

    private FitOptions copy() {
        FitOptions copy = new FitOptions();
        copy.epochs = epochs;
        copy.batchSize = batchSize;
        copy.shuffle = shuffle;
        copy.seed = seed;
        copy.validation = validation;
        copy.verbose = verbose;
        copy.callbacks = new ArrayList<>(callbacks);
        return copy;
    }
}
