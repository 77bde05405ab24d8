package dev.lamina.runtime.training;

import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Shape;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.losses.CrossEntropy;
import dev.lamina.runtime.optimizers.Optimizer;
import dev.lamina.runtime.optimizers.Parameter;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the training loop and the checkpoint need of a generated network. Generated classes extend
 * {@link AbstractNetwork}, which implements it; users call their {@code fit}, {@code evaluate} and
 * {@code predict}, which run the training loop (package-private {@code TrainingLoop}) on it.
 */
public interface Network {

    /** The simple name of the model class the network was generated from. */
    String modelName();

    /** The shape of one input sample, without the batch dimension. */
    Shape inputShape();

    /** The number of classes, the width of the output. */
    int classes();

    Loss loss();

    /** Whether the output is logits (the loss applies softmax) rather than probabilities. */
    boolean outputsLogits();

    /** The metrics {@code fit} and {@code evaluate} report beside the loss, as the model declares them. */
    List<Metric> metrics();

    /** The mean crossentropy of {@code outputs} of this network against one-hot {@code labels}. */
    default double loss(INDArray outputs, INDArray labels) {
        return outputsLogits() ? CrossEntropy.fromLogits(outputs, labels) : CrossEntropy.fromProbabilities(outputs, labels);
    }

    /** Prints the summary table, as Keras' {@code model.summary()}: layers, output shapes, parameters. */
    void summary();

    /** The data type of parameters and activations. */
    DataType dataType();

    /**
     * One optimisation step on a batch. Takes features (batch, input shape...) and one-hot labels
     * (batch, classes), both contiguous and of {@link #dataType()}; returns the network's output for
     * the batch as computed before the update (a view of an internal buffer, valid until the next call).
     */
    INDArray trainBatch(INDArray features, INDArray labels);

    /**
     * The forward and backward passes of {@link #trainBatch} without the update: fills the gradient
     * of every parameter (see {@link #parameters()}) for the batch's mean loss, and returns the output.
     */
    INDArray computeGradients(INDArray features, INDArray labels);

    /**
     * The forward pass of {@link #computeGradients} alone: the output for a batch in training mode
     * (batch statistics, dropout masks drawn), of which those are the gradients; a view of an
     * internal buffer, valid until the next call. Changes no weights, moving statistics included.
     */
    INDArray trainingOutput(INDArray features);

    /**
     * Every parameter in layer order: the trainable ones with their gradients, and those that are not
     * trained (their gradient is null).
     */
    List<Parameter> parameters();

    /** The optimizer updating the trainable {@link #parameters()}, with its state. */
    Optimizer optimizer();

    /**
     * Runs {@code change}, which writes parameter values (an optimizer step, restoring saved weights),
     * while no inference pass reads them.
     */
    void changeWeights(Runnable change);

    /**
     * The network's output for a batch in inference mode, with the same conventions as
     * {@link #trainBatch}, in an array of its own.
     */
    INDArray output(INDArray features);

    /** The loss and the model's metrics on {@code data}, in inference mode. */
    Evaluation evaluate(Dataset data);
}
