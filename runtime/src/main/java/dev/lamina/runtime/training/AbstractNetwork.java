package dev.lamina.runtime.training;

import dev.lamina.dsl.Initializer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.SummaryTable;
import dev.lamina.dsl.Task;
import dev.lamina.runtime.checkpoint.Checkpoint;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.FeatureRows;
import dev.lamina.runtime.keras.KerasWeights;
import dev.lamina.runtime.kernels.Initializers;
import dev.lamina.runtime.kernels.KeptOps;
import dev.lamina.runtime.onnx.OnnxExport;
import dev.lamina.runtime.optimizers.Optimizer;
import dev.lamina.runtime.optimizers.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What every generated network has in common: Keras' {@code fit}, {@code evaluate}, {@code predict},
 * {@code summary} and {@code save}, the training step around the forward and backward passes, and
 * the making of parameters and layer outputs. A generated subclass declares its layers' outputs and
 * parameters as fields (made with {@link #output}, {@link #trainable} and {@link #nonTrainable}, in
 * layer order) and writes {@link #forward}, {@link #backward} and {@link #replica}; nothing else.
 *
 * <h2>Threads</h2>
 * {@code predict}, {@code evaluate}, {@code output} and {@code save} may be called from any number of
 * threads at once. Each inference pass runs on a replica: a network of the same class that computes
 * with this one's parameters in arrays of its own, taken from a pool of idle ones (so there are at
 * most as many as there were concurrent calls). A network trains in one thread at a time: {@code fit}
 * (or {@code trainBatch}) from a second thread while one trains throws {@link IllegalStateException}.
 * Predictions made while another thread trains see the weights between two optimizer steps, never
 * during one: a pass holds the weights' read lock and a step their write lock, so one {@code predict}
 * call sees one set of weights throughout.
 */
public abstract class AbstractNetwork implements Network {
    private final ModelDefinition model;
    private final DataType dataType;
    private final long seed;
    /** Draws the initial weights, as the subclass's parameter fields are initialised in layer order. */
    private final SplittableRandom initialWeights;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Parameter> parametersView = Collections.unmodifiableList(parameters);
    /** The layers' outputs, in layer order, for the summary. */
    private final List<LayerOutput> outputs = new ArrayList<>();
    /** Every output and buffer, which follow the batch's size. */
    private final List<LayerOutput> batchArrays = new ArrayList<>();
    /** For a replica, the network whose parameters it computes with; null for a network of its own. */
    private final AbstractNetwork weightsOwner;
    /** Read by an inference pass, written by an optimizer step; one lock for a network and its replicas. */
    private final ReadWriteLock weightsLock;
    /** Replicas not running a pass now. */
    private final Queue<AbstractNetwork> idleReplicas = new ConcurrentLinkedQueue<>();
    /** Where a replica copies a request's input, so that its views are made once ({@link RequestInput}). */
    private final RequestInput requestInput = new RequestInput();
    /** The thread that trains this network now, or null. */
    private final AtomicReference<Thread> trainer = new AtomicReference<>();
    private Optimizer optimizer;
    private Random trainingRandom;
    /** A classifier's class names as fit's data or the user named them; null for their numbers. */
    private volatile List<String> classNames;

    /** A network with new parameters, drawn from {@code seed}, computing in {@code dataType}. */
    protected AbstractNetwork(ModelDefinition model, long seed, DataType dataType) {
        this.model = model;
        this.seed = seed;
        this.dataType = dataType;
        this.initialWeights = new SplittableRandom(seed);
        this.weightsOwner = null;
        // Fair, so that a stream of predictions cannot hold an optimizer step off indefinitely.
        this.weightsLock = new ReentrantReadWriteLock(true);
    }

    /** A replica of {@code weights}: its parameters, shared, and arrays of its own (see {@link #replica}). */
    protected AbstractNetwork(AbstractNetwork weights) {
        this.model = weights.model;
        this.seed = weights.seed;
        this.dataType = weights.dataType;
        this.initialWeights = null;
        this.weightsOwner = weights;
        this.weightsLock = weights.weightsLock;
    }

    // What the generated subclass calls.

    /** A parameter the optimizer trains, with an array for its gradient: {@code "hidden/kernel"}. */
    protected final Parameter trainable(String name, Initializer initializer, long... shape) {
        if (weightsOwner != null) {
            return shared(name);
        }
        return add(new Parameter(name, Initializers.create(initializer, initialWeights, dataType, shape),
                Nd4j.zeros(dataType, shape)));
    }

    /** A parameter that is saved and restored but not trained (a moving mean): it has no gradient. */
    protected final Parameter nonTrainable(String name, Initializer initializer, long... shape) {
        if (weightsOwner != null) {
            return shared(name);
        }
        return add(new Parameter(name, Initializers.create(initializer, initialWeights, dataType, shape), null));
    }

    /** A replica's parameter: the owner's of the same place, as both are the same class declaring them in one order. */
    private Parameter shared(String name) {
        Parameter parameter = weightsOwner.parameters.get(parameters.size());
        if (!parameter.name().equals(name)) {
            throw new IllegalStateException("A replica of " + model.name() + " declares " + name + " where its owner has "
                    + parameter.name() + ": replica() must make a network of the same class");
        }
        return add(parameter);
    }

    private Parameter add(Parameter parameter) {
        parameters.add(parameter);
        return parameter;
    }

    /** The output of layer {@code name} of {@code kind} (as the summary shows it), of {@code shape} per sample. */
    protected final LayerOutput output(String name, String kind, int... shape) {
        return register(new LayerOutput(name, kind, Shape.of(shape), dataType, null, false, false), true);
    }

    /**
     * The output of layer {@code name} of a branching model, which takes the outputs of the layers
     * named in {@code from} ("input" for the model's input), as the summary's "Connected to" shows.
     */
    protected final LayerOutput output(String name, String kind, List<String> from, int... shape) {
        LayerOutput output = output(name, kind, shape);
        output.takeFrom(from);
        return output;
    }

    /** The output of a view layer (Flatten, Reshape): {@code viewed}'s output seen with {@code shape}, and so its gradient. */
    protected final LayerOutput view(String name, String kind, LayerOutput viewed, int... shape) {
        return register(new LayerOutput(name, kind, Shape.of(shape), dataType, viewed, false, false), true);
    }

    /**
     * The output of a view layer whose input other layers take too: {@code viewed}'s output seen with
     * {@code shape}, with a gradient of its own, which the backward pass adds to {@code viewed}'s.
     */
    protected final LayerOutput valueView(String name, String kind, LayerOutput viewed, int... shape) {
        return register(new LayerOutput(name, kind, Shape.of(shape), dataType, viewed, false, true), true);
    }

    /** The output of a view layer of the model's input: the input seen with {@code shape}. */
    protected final LayerOutput inputView(String name, String kind, int... shape) {
        return register(new LayerOutput(name, kind, Shape.of(shape), dataType, null, true, false), true);
    }

    /** An array per batch that is no layer's output (a dropout mask), of {@code shape} per sample. */
    protected final LayerOutput buffer(int... shape) {
        return register(new LayerOutput(null, null, Shape.of(shape), dataType, null, false, false), false);
    }

    private LayerOutput register(LayerOutput array, boolean isOutput) {
        batchArrays.add(array);
        if (isOutput) {
            outputs.add(array);
        }
        return array;
    }

    /** The generator of what changes from one training step to the next (dropout masks), seeded with the network. */
    protected final Random trainingRandom() {
        if (trainingRandom == null) {
            trainingRandom = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        }
        return trainingRandom;
    }

    /**
     * The forward pass: every layer's output for a batch into its {@link LayerOutput}. {@code training}
     * tells layers that behave differently in training (Dropout) which way to behave.
     */
    protected abstract void forward(INDArray input, boolean training);

    /**
     * The forward pass of the layers that augment images at the front of the model (its first
     * RandomFlip, RandomTranslation, RandomRotation and RandomZoom layers, with any Reshape and
     * Rescaling among them), returning the last one's output; null for a model without such layers.
     */
    protected INDArray augment(INDArray input, boolean training) {
        return null;
    }

    /**
     * The backward pass, layer by layer in reverse: the gradient of the batch's loss with respect to
     * every trainable parameter, from the outputs the last training forward pass left in the buffers.
     * {@code weights} holds each sample's weight in the loss (batch), or is null for 1.
     */
    protected abstract void backward(INDArray input, INDArray labels, INDArray weights);

    /**
     * Moves the moving statistics (a BatchNormalization's mean and variance) towards those of the last
     * training batch, which the forward pass recorded in the layers' own arrays. Called after every
     * optimizer step of {@link #trainBatch}, inside the same write lock: the forward pass never writes
     * a parameter, so an inference pass, which holds the read lock throughout, sees the statistics
     * of one step, never half of an update. A network without such layers has nothing to do.
     */
    protected void updateStatistics() {
    }

    /**
     * Measures the statistics of the layers that standardize the input (Normalization) on
     * {@code input}, the features of every training sample, a row each. A network without such layers
     * has nothing to measure.
     */
    protected void adapt(FeatureRows input) {
    }

    /** Whether the layers that standardize the input have measured their statistics; true if there are none. */
    protected boolean adapted() {
        return true;
    }

    /**
     * A network of this class made with {@link #AbstractNetwork(AbstractNetwork)} from this one: what
     * an inference pass runs on, so that passes in several threads never share arrays.
     */
    protected abstract AbstractNetwork replica();

    // What users call.

    /**
     * What the augmentation layers at the front of the model make of {@code features} (samples, input
     * shape...) in a training step, drawn from {@code seed}: its first RandomFlip, RandomTranslation,
     * RandomRotation and RandomZoom layers, with any Reshape and Rescaling among them, in a new array
     * (samples, the last such layer's output shape...). The same seed draws the same images. Neither
     * the network's weights nor its own training draws change. To see what augmentation does to the
     * training data ({@code AugmentationGrid} draws it).
     *
     * @throws IllegalStateException if the model does not begin with augmentation layers
     */
    public final INDArray augmented(INDArray features, long seed) {
        return augmentationLayers(features, true, seed, "augmented");
    }

    /**
     * {@code features} through the same layers as {@link #augmented} as evaluate and predict see them:
     * Reshape and Rescaling applied, the random layers passing their inputs through.
     */
    public final INDArray unaugmented(INDArray features) {
        return augmentationLayers(features, false, seed, "unaugmented");
    }

    private INDArray augmentationLayers(INDArray features, boolean training, long drawSeed, String caller) {
        InputCheck.requireFeatures(this, features, caller);
        INDArray typed = InputCheck.typed(this, features);
        return inference(replica -> {
            Random own = replica.trainingRandom;
            replica.trainingRandom = Nd4j.getRandomFactory().getNewRandomInstance(drawSeed);
            try {
                replica.startBatch(typed);
                INDArray augmented = replica.augment(typed, training);
                if (augmented == null) {
                    throw new IllegalStateException(caller + ": " + model.name() + " does not begin with augmentation"
                            + " layers (RandomFlip, RandomTranslation, RandomRotation, RandomZoom, with any Reshape and"
                            + " Rescaling among them)");
                }
                return augmented.dup();
            } finally {
                replica.trainingRandom = own;
            }
        });
    }

    /**
     * Trains on {@code train} as Keras' {@code fit} does; returns the loss and metrics of every epoch.
     * A classifier takes the data's class names, if it names its classes ({@link #classNames()}).
     */
    public History fit(Dataset train, FitOptions options) {
        return training(() -> {
            if (task().classLabels() && train.hasClassLabels() && train.hasClassNames() && train.classes() == classes()) {
                // Before the first step, so that a checkpoint saved while training names them too.
                classNames(train.classNames());
            }
            return TrainingLoop.fit(this, train, options);
        });
    }

    /**
     * Trains on arrays as Keras' {@code fit(x, y)}: features (samples, input shape...) and labels,
     * one-hot (samples, classes) for categorical crossentropy or class indices for the sparse loss.
     */
    public History fit(INDArray features, INDArray labels, FitOptions options) {
        return training(() -> TrainingLoop.fit(this, features, labels, options));
    }

    /**
     * Measures every Normalization layer's mean and variance on {@code data}'s features, as Keras'
     * {@code adapt}; {@code fit} does it on its training samples if it has not been done. The
     * statistics are saved with the weights.
     */
    @Override
    public void adapt(Dataset data) {
        InputCheck.requireSamples(this, data, "adapt");
        FeatureRows features = data.featureRows(dataType);
        changeWeights(() -> adapt(features));
    }

    @Override
    public final boolean needsAdapting() {
        return !adapted();
    }

    /** The loss and the model's metrics on {@code data}. */
    @Override
    public Evaluation evaluate(Dataset data) {
        return inference(replica -> TrainingLoop.evaluate(replica, data));
    }

    /** The loss and the model's metrics on arrays, with the label conventions of {@code fit}. */
    public Evaluation evaluate(INDArray features, INDArray labels) {
        return inference(replica -> TrainingLoop.evaluate(replica, features, labels));
    }

    /** The output for {@code features} (samples, input shape...): (samples, classes). */
    public INDArray predict(INDArray features) {
        return InferenceThreads.run(this, features.size(0), () -> inference(replica -> TrainingLoop.predict(replica, features)));
    }

    /**
     * A classifier's predicted class for each sample of {@code features}: the highest score's, or, for
     * two classes as one probability (or logit), class 1 where it is above 0.5 (0).
     *
     * @throws IllegalStateException for regression and yes/no labels, which predict no one class
     */
    public int[] predictClasses(INDArray features) {
        requireClassifier("predictClasses");
        INDArray outputs = predict(features);
        if (outputs.size(1) == 1) {
            double threshold = outputsLogits() ? 0 : 0.5;
            return Arrays.stream(outputs.reshape(outputs.size(0)).toDoubleVector())
                    .mapToInt(score -> score > threshold ? 1 : 0).toArray();
        }
        return outputs.argMax(1).toIntVector();
    }

    /** {@link #predictClasses}, each class by its name ({@link #classNames}). */
    public List<String> predictClassNames(INDArray features) {
        List<String> names = classNames();
        return Arrays.stream(predictClasses(features)).mapToObj(names::get).toList();
    }

    /**
     * A classifier's class names: those of the data {@code fit} last trained on, when it named them
     * (an image folder's sub-folders, a table's label values, {@code Dataset.withClassNames}), or
     * those set by {@link #classNames(List)}, else the classes' numbers ("0", "1", ...). Saved with the
     * weights, so a loaded network names its predictions as the trained one did.
     *
     * @throws IllegalStateException for regression and yes/no labels, which have no classes
     */
    @Override
    public final List<String> classNames() {
        requireClassifier("classNames");
        List<String> named = weightsOwner != null ? weightsOwner.classNames : classNames;
        if (named != null) {
            return named;
        }
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < classes(); i++) {
            numbers.add(Integer.toString(i));
        }
        return numbers;
    }

    /**
     * Names the classifier's classes, one name per class in class order.
     *
     * @throws IllegalArgumentException if there are not as many names as classes, or two are the same
     */
    @Override
    public final void classNames(List<String> names) {
        requireClassifier("classNames");
        if (names.size() != classes() || new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException(model.name() + " has " + classes() + " classes, to be named by as many"
                    + " different names, but received " + names.size() + ": " + names);
        }
        (weightsOwner != null ? weightsOwner : this).classNames = List.copyOf(names);
    }

    private void requireClassifier(String caller) {
        if (!task().classLabels()) {
            throw new IllegalStateException(caller + ": " + model.name() + " predicts " + (task() == Task.REGRESSION
                    ? "numbers" : "yes/no labels") + ", not one class of several");
        }
    }

    /**
     * The output for {@code data}'s features, (samples, classes), as Keras' {@code predict(dataset)}:
     * read a batch at a time, so a dataset mapped from a file larger than the memory ({@code
     * MappedNpy}) can be predicted; its labels or targets are not used.
     */
    public INDArray predict(Dataset data) {
        return inference(replica -> TrainingLoop.predict(replica, data));
    }

    /**
     * Saves the weights and the optimizer's state to {@code file}, atomically: a crash while saving
     * leaves the previous file intact. The format is described in {@link Checkpoint}.
     */
    public void save(Path file) throws IOException {
        Lock reading = weightsLock.readLock();
        reading.lock();
        try {
            Checkpoint.save(this, file);
        } finally {
            reading.unlock();
        }
    }

    /**
     * Copies the weights of a model saved by Keras into this network, whose layers must be the Keras
     * model's: a Keras 3 {@code .keras} file or a legacy {@code .h5} one ({@code model.save(...)}).
     * Every layer is checked first; on any exception the weights are unchanged. See {@link KerasWeights}.
     *
     * @throws dev.lamina.runtime.keras.KerasFormatException if the file is not a Keras model Lamina reads
     * @throws dev.lamina.runtime.keras.KerasMismatchException if its layers are not this network's
     */
    public void loadKerasWeights(Path file) throws IOException {
        KerasWeights.load(this, file);
    }

    /**
     * Writes the network as an ONNX model (opset 13) for inference, atomically: input {@code "input"}
     * (batch, input shape...), output {@code "output"} (batch, units), what {@link #predict} returns
     * (probabilities, or logits for a model trained from logits). Always float32: a float64 network's
     * weights are rounded to float. Dropout and the random image layers, identities in inference,
     * export as nothing. What each layer becomes: docs/onnx.md.
     */
    public void exportOnnx(Path file) throws IOException {
        Lock reading = weightsLock.readLock();
        reading.lock();
        try {
            OnnxExport.write(this, file);
        } finally {
            reading.unlock();
        }
    }

    @Override
    public void summary() {
        System.out.print(summaryTable());
    }

    /** The summary as Keras prints it: layers, output shapes, parameters trainable and not. */
    public String summaryTable() {
        List<SummaryTable.Row> rows = new ArrayList<>();
        boolean branches = outputs.stream().anyMatch(LayerOutput::namesSources);
        for (LayerOutput layer : outputs) {
            long trainable = 0;
            long nonTrainable = 0;
            for (Parameter parameter : parameters) {
                if (parameter.layer().equals(layer.layer())) {
                    trainable += parameter.trainable() ? parameter.value().length() : 0;
                    nonTrainable += parameter.trainable() ? 0 : parameter.value().length();
                }
            }
            rows.add(new SummaryTable.Row(layer.layer(), layer.kind(), layer.shape(), trainable, nonTrainable,
                    branches ? layer.sources() : List.of()));
        }
        return SummaryTable.format(model.name(), rows);
    }

    // What the training loop and the checkpoint read.

    @Override
    public final String modelName() {
        return model.name();
    }

    @Override
    public final Shape inputShape() {
        return model.inputShape();
    }

    /** The layers as the model declares them, in order, each with its settings, inputs and output shape. */
    public final List<LayerDefinition> layers() {
        return model.layers();
    }

    @Override
    public final int classes() {
        return model.classes();
    }

    @Override
    public final Task task() {
        return model.task();
    }

    @Override
    public final int units() {
        return model.units();
    }

    @Override
    public final int topK() {
        return model.topK();
    }

    @Override
    public final Loss loss() {
        return model.loss();
    }

    @Override
    public final boolean outputsLogits() {
        return model.fromLogits();
    }

    @Override
    public final List<Metric> metrics() {
        return model.metrics();
    }

    @Override
    public final DataType dataType() {
        return dataType;
    }

    @Override
    public final List<Parameter> parameters() {
        return parametersView;
    }

    @Override
    public final Optimizer optimizer() {
        if (optimizer == null) {
            // Made on first use: the subclass's parameter fields are initialised after this class's constructor.
            optimizer = model.optimizer().apply(parameters.stream().filter(Parameter::trainable).toList());
        }
        return optimizer;
    }

    @Override
    public final INDArray trainBatch(INDArray features, INDArray labels, INDArray weights) {
        return training(() -> {
            INDArray outputs = computeGradients(features, labels, weights);
            changeWeights(() -> {
                optimizer().step();
                updateStatistics();
            });
            return outputs;
        });
    }

    @Override
    public final INDArray computeGradients(INDArray features, INDArray labels, INDArray weights) {
        return training(() -> {
            startBatch(features);
            forward(features, true);
            backward(features, labels, weights);
            return lastOutput();
        });
    }

    @Override
    public final INDArray trainingOutput(INDArray features) {
        return training(() -> {
            startBatch(features);
            forward(features, true);
            return lastOutput();
        });
    }

    @Override
    public final void changeWeights(Runnable change) {
        Lock writing = weightsLock.writeLock();
        writing.lock();
        try {
            change.run();
        } finally {
            writing.unlock();
        }
    }

    /** The output for a batch, in an array of its own: computed on a replica, as {@code predict} is. */
    @Override
    public final INDArray output(INDArray features) {
        if (weightsOwner == null) {
            return inference(replica -> replica.output(features).dup());
        }
        INDArray input = requestInput.of(features);
        startBatch(input);
        forward(input, false);
        return lastOutput();
    }

    /**
     * Runs {@code pass} on an idle replica (a new one if every replica is busy) while holding the
     * weights' read lock, and gives the replica back after.
     */
    private <T> T inference(Function<AbstractNetwork, T> pass) {
        if (weightsOwner != null) {
            return pass.apply(this); // a replica's own pass, inside its owner's inference
        }
        AbstractNetwork replica = idleReplicas.poll();
        if (replica == null) {
            replica = replica();
        }
        Lock reading = weightsLock.readLock();
        reading.lock();
        try {
            return pass.apply(replica);
        } finally {
            reading.unlock();
            idleReplicas.add(replica);
        }
    }

    /**
     * Runs {@code work} as this network's training thread: refuses if another thread is training it,
     * since a training step writes the network's own arrays and gradients.
     */
    private <T> T training(Supplier<T> work) {
        Thread current = Thread.currentThread();
        Thread holder = trainer.compareAndExchange(null, current);
        if (holder != null && holder != current) {
            throw new IllegalStateException(model.name() + " is being trained in thread \"" + holder.getName()
                    + "\": a network trains in one thread at a time (predict and evaluate may run beside it)");
        }
        try {
            return work.get();
        } finally {
            if (holder == null) {
                trainer.set(null);
            }
        }
    }

    /** The network's output: the last layer's, a view of its array, valid until the next batch. */
    private INDArray lastOutput() {
        return outputs.get(outputs.size() - 1).value();
    }

    private void startBatch(INDArray features) {
        KeptOps.passOf(weightsOwner != null ? weightsOwner : this);
        for (LayerOutput array : batchArrays) {
            array.startBatch(features);
        }
    }
}
