package dev.lamina.runtime.training;

import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Task;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.losses.Losses;
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

    /** The number of classes of a classifier; 0 for regression and yes/no labels. */
    int classes();

    /** What the model predicts: one class, one of two, several yes/no labels, or numbers. */
    Task task();

    /** A classifier's class names, as named or else numbered ("0", "1", ...); see {@code AbstractNetwork}. */
    List<String> classNames();

    /** Names a classifier's classes, one name per class in class order. */
    void classNames(List<String> names);

    /** The width of the output: the classes, 1 for two classes with binary crossentropy, or the outputs. */
    int units();

    /** How many of the highest scores {@link Metric#TOP_K_ACCURACY} looks among. */
    int topK();

    Loss loss();

    /** Whether the output is logits (the loss applies softmax) rather than probabilities. */
    boolean outputsLogits();

    /** The metrics {@code fit} and {@code evaluate} report beside the loss, as the model declares them. */
    List<Metric> metrics();

    /**
     * The batch's loss of {@code outputs} of this network against {@code labels} as the training loop
     * gives them: the loss that {@code fit} minimises and {@code evaluate} reports, with the
     * regularization penalty of the current weights.
     */
    default double loss(INDArray outputs, INDArray labels) {
        return loss(outputs, labels, null);
    }

    /**
     * The same with each sample's loss times its weight (null for 1), as Keras reduces it: the loss
     * function's value, {@link #dataLoss}, plus {@link #regularizationLoss()}, as Keras' total loss.
     */
    default double loss(INDArray outputs, INDArray labels, INDArray weights) {
        return dataLoss(outputs, labels, weights) + regularizationLoss();
    }

    /** The model's loss function alone on {@code outputs}, each sample's loss times its weight (null for 1). */
    default double dataLoss(INDArray outputs, INDArray labels, INDArray weights) {
        return Losses.value(loss(), outputsLogits(), outputs, labels, weights);
    }

    /**
     * The penalty the layers' regularizers add to the loss at the current weights: the sum of
     * {@code kernelL2 · Σ kernel²} over the kernels of layers with a {@code kernelL2}, as Keras'
     * regularization losses. 0 for a model without, whose generated class does not override it.
     */
    default double regularizationLoss() {
        return 0;
    }

    /** Prints the summary table, as Keras' {@code model.summary()}: layers, output shapes, parameters. */
    void summary();

    /** The data type of parameters and activations. */
    DataType dataType();

    /**
     * One optimisation step on a batch. Takes features (batch, input shape...) and labels (batch,
     * {@link #units()}) as the loss takes them (one-hot rows, 0/1 or numbers), both contiguous and of
     * {@link #dataType()}; returns the network's output for the batch as computed before the update
     * (a view of an internal buffer, valid until the next call).
     */
    default INDArray trainBatch(INDArray features, INDArray labels) {
        return trainBatch(features, labels, null);
    }

    /** The same with each sample's loss weighted by {@code weights} (batch), or null for 1. */
    INDArray trainBatch(INDArray features, INDArray labels, INDArray weights);

    /**
     * The forward and backward passes of {@link #trainBatch} without the update: fills the gradient
     * of every parameter (see {@link #parameters()}) for the batch's loss, and returns the output.
     */
    default INDArray computeGradients(INDArray features, INDArray labels) {
        return computeGradients(features, labels, null);
    }

    /** The same with each sample's loss weighted by {@code weights} (batch), or null for 1. */
    INDArray computeGradients(INDArray features, INDArray labels, INDArray weights);

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

    /** Whether a layer that standardizes the input (Normalization) has not yet measured the training data. */
    boolean needsAdapting();

    /** Measures the statistics of the layers that standardize the input (Normalization) on {@code data}. */
    void adapt(Dataset data);

    /** The loss and the model's metrics on {@code data}, in inference mode. */
    Evaluation evaluate(Dataset data);
}
