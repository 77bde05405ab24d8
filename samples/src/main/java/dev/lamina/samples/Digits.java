package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SOFTMAX;

import dev.lamina.dsl.Conv2D;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.MaxPool2D;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Optimizer;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Reshape;

/**
 * scikit-learn's handwritten digits: 1,797 images of 8x8 pixels in a table, one row of 64 pixels per
 * image, seen as the image it is by a small convnet.
 */
@Model(input = 64, classes = 10,
       loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
       optimizer = @Optimizer(kind = Optimizer.Kind.ADAM),
       metrics = Metric.ACCURACY)
public class Digits {
    @Reshape({8, 8, 1})                                                            Layer image;
    @Conv2D(filters = 32, kernel = {3, 3}, padding = Padding.SAME, activation = RELU)  Layer conv1;
    @Conv2D(filters = 64, kernel = {3, 3}, padding = Padding.SAME, activation = RELU)  Layer conv2;
    @MaxPool2D({2, 2})                                                             Layer pool;
    @Flatten                                                                       Layer flat;
    @Dropout(0.3)                                                                  Layer dropped;
    @Dense(units = 10, activation = SOFTMAX)                                       Layer out;
}
