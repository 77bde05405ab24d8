package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a model. Its fields of type {@link Layer}, in source order, are the layers; each
 * carries one layer annotation ({@link Dense}, {@link Flatten}, {@link Reshape}, ...). A layer takes
 * the output of the field before it, or of the one its {@code from} names; a merge ({@link Add},
 * {@link Concatenate}) takes the outputs it lists. The last field is the model's output, which
 * {@code classes} or {@code outputs} and the loss describe (see {@link Task}).
 *
 * <p>The annotation processor checks every shape at compile time and generates a class named
 * {@code <ModelName>Network} beside this one, with the parameters, forward and backward passes and
 * the training loop.
 *
 * <pre>{@code
 * @Model(input = {28, 28}, classes = 10,
 *        loss = Loss.CATEGORICAL_CROSSENTROPY,
 *        optimizer = @Optimizer(kind = Optimizer.Kind.RMSPROP),
 *        metrics = Metric.ACCURACY)
 * public class MnistMlp {
 *     @Flatten                                   Layer flat;
 *     @Dense(units = 512, activation = RELU)     Layer hidden;
 *     @Dense(units = 10, activation = SOFTMAX)   Layer out;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {
    /**
     * How a layer names the model's input in {@code from} or a merge's list: {@code @Add({"conv2",
     * Model.INPUT})}. Not a Java identifier, so no field can take it.
     */
    String INPUT = "@input";

    /** The shape of one sample, without the batch dimension: {@code {28, 28}} for MNIST images. */
    int[] input();

    /**
     * For a classifier, the number of classes: the last layer has this many units with a categorical
     * crossentropy, or one sigmoid unit for {@code classes = 2} with {@link Loss#BINARY_CROSSENTROPY}.
     * Set this or {@link #outputs()}, not both.
     */
    int classes() default 0;

    /**
     * For regression, the number of values predicted per sample (with {@link Loss#MEAN_SQUARED_ERROR},
     * {@link Loss#MEAN_ABSOLUTE_ERROR} or {@link Loss#HUBER}); with {@link Loss#BINARY_CROSSENTROPY},
     * the number of yes/no labels each sample may have. The last layer has this many units.
     */
    int outputs() default 0;

    /** The loss minimised by {@code fit}. */
    Loss loss();

    /**
     * Whether the last layer outputs logits (a linear activation) that the loss turns into
     * probabilities itself, as Keras' {@code from_logits=True}.
     */
    boolean fromLogits() default false;

    /** The optimizer and its settings; Keras' defaults where a setting is left out. */
    Optimizer optimizer() default @Optimizer(kind = Optimizer.Kind.RMSPROP);

    /** Metrics reported by {@code fit} and {@code evaluate} beside the loss. */
    Metric[] metrics() default {};

    /** How many of the highest scores {@link Metric#TOP_K_ACCURACY} looks among (Keras' default k). */
    int topK() default 5;
}
