package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;

import dev.lamina.dsl.Conv2D;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.MaxPool2D;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Optimizer;
import dev.lamina.dsl.Reshape;

/**
 * {@link MnistCnn} without the final softmax: it outputs logits, and the loss is sparse categorical
 * crossentropy from logits on integer labels; 10 epochs. Keras reached 99.05%.
 */
@Model(input = {28, 28}, classes = 10,
       loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, fromLogits = true,
       optimizer = @Optimizer(kind = Optimizer.Kind.ADAM),
       metrics = Metric.ACCURACY)
public class MnistCnnLogits {
    @Reshape({28, 28, 1})                                     Layer image;
    @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU) Layer conv1;
    @MaxPool2D({2, 2})                                        Layer pool1;
    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU) Layer conv2;
    @MaxPool2D({2, 2})                                        Layer pool2;
    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU) Layer conv3;
    @Flatten                                                  Layer flat;
    @Dense(units = 64, activation = RELU)                     Layer fc;
    @Dense(units = 10)                                        Layer logits;
}
