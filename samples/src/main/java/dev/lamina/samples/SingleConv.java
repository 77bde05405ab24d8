package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SOFTMAX;

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
 * The single-convolution challenge of the TensorFlow course: one 64-filter convolution is enough to
 * reach 99.8% training accuracy on MNIST within 20 epochs; a callback stops training there.
 */
@Model(input = {28, 28}, classes = 10,
       loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
       optimizer = @Optimizer(kind = Optimizer.Kind.ADAM),
       metrics = Metric.ACCURACY)
public class SingleConv {
    @Reshape({28, 28, 1})                                     Layer image;
    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU) Layer conv;
    @MaxPool2D({2, 2})                                        Layer pool;
    @Flatten                                                  Layer flat;
    @Dense(units = 128, activation = RELU)                    Layer fc;
    @Dense(units = 10, activation = SOFTMAX)                  Layer out;
}
