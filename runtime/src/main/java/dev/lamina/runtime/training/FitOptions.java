package dev.lamina.runtime.training;

import dev.lamina.runtime.optimizers.LearningRateSchedule;
import java.util.Objects;
import java.util.Optional;
import dev.lamina.runtime.data.Dataset;
import java.util.List;

/**
 * The settings of {@code fit}, with Keras' defaults: 1 epoch, batches of 32, shuffled every epoch,
 * a progress bar. Shuffling is seeded, so a run can be repeated exactly. Immutable; each setter
 * returns a changed copy.
 *
 * <pre>{@code FitOptions.epochs(5).batchSize(128).validation(Mnist.test())}</pre>
 */
public final class FitOptions {
    private int epochs = 1;
    private int initialEpoch;
    private int batchSize = 32;
    private boolean shuffle = true;
    private long seed = 0x5EED;
    private Dataset validation;
    private double validationSplit;
    private int verbose = 1;
    private List<Callback> callbacks = List.of();
    private LearningRateSchedule learningRate;
    private double[] classWeights;
    private boolean prefetch = true;
    private int threads;

    private FitOptions() {
    }

    public static FitOptions defaults() {
        return new FitOptions();
    }

    public static FitOptions epochs(int epochs) {
        return defaults().withEpochs(epochs);
    }

    /** Train until this epoch count is reached (counting from 0, not from {@link #initialEpoch(int)}). */
    public FitOptions withEpochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1 but is " + epochs);
        }
        FitOptions copy = copy();
        copy.epochs = epochs;
        return copy;
    }

    /** The epoch to start at, as Keras' {@code initial_epoch}: for resuming a run saved after that many epochs. */
    public FitOptions initialEpoch(int initialEpoch) {
        if (initialEpoch < 0) {
            throw new IllegalArgumentException("initialEpoch must not be negative but is " + initialEpoch);
        }
        FitOptions copy = copy();
        copy.initialEpoch = initialEpoch;
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

    /** The seed of the shuffling order; each epoch's order depends only on it and the epoch. */
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

    /**
     * The fraction of the training data to hold out for validation instead, taken from its end
     * before any shuffling, as Keras' {@code validation_split}.
     */
    public FitOptions validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validationSplit must be in [0, 1) but is " + fraction);
        }
        FitOptions copy = copy();
        copy.validationSplit = fraction;
        return copy;
    }

    /**
     * 0: silent; 1: a progress bar per epoch on a terminal (one line per epoch when the output is not
     * a terminal); 2: one line per epoch.
     */
    public FitOptions verbose(int verbose) {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2 but is " + verbose);
        }
        FitOptions copy = copy();
        copy.verbose = verbose;
        return copy;
    }

    /**
     * Callbacks, called in this order; none that sets the learning rate ({@link
     * Callback#setsLearningRate()}) with a {@link #learningRate(LearningRateSchedule) schedule}.
     */
    public FitOptions callbacks(Callback... callbacks) {
        FitOptions copy = copy();
        copy.callbacks = List.of(callbacks);
        copy.requireNoScheduleBesideRateCallback();
        return copy;
    }

    /**
     * Sets the optimizer's learning rate before every step from {@code schedule}, as a Keras
     * optimizer built with {@code learning_rate=schedule}; the epoch's last rate is logged as
     * {@code learning_rate}. Without one, the model's declared rate holds throughout. Not with a
     * callback that sets the rate, such as ReduceLROnPlateau.
     */
    public FitOptions learningRate(LearningRateSchedule schedule) {
        FitOptions copy = copy();
        copy.learningRate = Objects.requireNonNull(schedule, "schedule");
        copy.requireNoScheduleBesideRateCallback();
        return copy;
    }

    /**
     * A weight for each class, by class index, that multiplies the loss of every training sample of
     * that class (Keras' {@code class_weight}): {@code classWeights(1, 5)} makes each sample of class 1
     * count as five. Multiplies the dataset's own sample weights, if it has them; the validation loss
     * is not weighted by class, as in Keras.
     */
    public FitOptions classWeights(double... weights) {
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("The weight of class " + i + " is " + weights[i]
                        + "; a class weight must be finite and at least 0");
            }
        }
        FitOptions copy = copy();
        copy.classWeights = weights.clone();
        return copy;
    }

    /**
     * Refuses a schedule beside a callback that sets the rate: the schedule would undo its changes.
     * Keras refuses it too, but only when ReduceLROnPlateau first sets the rate of an optimizer built
     * with a schedule ("its learning rate is not settable"); here it is refused before any training.
     */
    private void requireNoScheduleBesideRateCallback() {
        Callback setter = callbacks.stream().filter(Callback::setsLearningRate).findFirst().orElse(null);
        if (learningRate != null && setter != null) {
            throw new IllegalArgumentException(setter.getClass().getSimpleName() + " sets the learning rate, but fit also has a"
                    + " learning-rate schedule, which would set it back before every step. Give fit one of them:"
                    + " remove learningRate(schedule) from the FitOptions, or the callback.");
        }
    }

    /**
     * Whether a background thread gathers the next batch while the network trains on the current one
     * (on by default). The batches, and so every result, are the same either way; it is skipped when
     * the data is not in host memory (a GPU backend), where gathering is an ND4J op.
     */
    public FitOptions prefetch(boolean prefetch) {
        FitOptions copy = copy();
        copy.prefetch = prefetch;
        copy.threads = threads;
        return copy;
    }

    public boolean prefetch() {
        return prefetch;
    }

    /**
     * Runs every op of the fit on {@code threads} threads (0, the default: the fastest count, which
     * fit finds by timing its steps, trying one thread fewer or more now and then; with another process
     * busy on a core, fewer threads than cores are faster). A convolution's float sums depend on its
     * threads in the last bits, so fix the count (or set the system property {@code lamina.threads})
     * for runs that must repeat bit for bit.
     */
    public FitOptions threads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (found by timing) or positive but is " + threads);
        }
        FitOptions copy = copy();
        copy.threads = threads;
        return copy;
    }

    public int threads() {
        return threads;
    }

    public int epochs() {
        return epochs;
    }

    public int initialEpoch() {
        return initialEpoch;
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

    public double validationSplit() {
        return validationSplit;
    }

    public int verbose() {
        return verbose;
    }

    public List<Callback> callbacks() {
        return callbacks;
    }

    /** The learning-rate schedule, or empty for the model's constant rate. */
    public Optional<LearningRateSchedule> learningRate() {
        return Optional.ofNullable(learningRate);
    }

    /** The weight of each class, or empty if classes are not weighted. */
    public Optional<double[]> classWeights() {
        return Optional.ofNullable(classWeights).map(double[]::clone);
    }

    private FitOptions copy() {
        FitOptions copy = new FitOptions();
        copy.epochs = epochs;
        copy.initialEpoch = initialEpoch;
        copy.batchSize = batchSize;
        copy.shuffle = shuffle;
        copy.seed = seed;
        copy.validation = validation;
        copy.validationSplit = validationSplit;
        copy.verbose = verbose;
        copy.callbacks = callbacks;
        copy.learningRate = learningRate;
        copy.classWeights = classWeights;
        copy.prefetch = prefetch;
        copy.threads = threads;
        return copy;
    }
}
