package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SOFTMAX;

import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Optimizer;

/**
 * The first network of Keras' MNIST tutorial: 784 pixels, 512 ReLU units, 10 softmax outputs,
 * trained with RMSprop. Keras reaches 97.8% test accuracy with it in 5 epochs of batches of 128.
 */
@Model(input = {28, 28}, classes = 10,
       loss = Loss.CATEGORICAL_CROSSENTROPY,
       optimizer = @Optimizer(kind = Optimizer.Kind.RMSPROP),
       metrics = Metric.ACCURACY)
public class MnistMlp {
    @Flatten                                  Layer flat;
    @Dense(units = 512, activation = RELU)    Layer hidden;
    @Dense(units = 10, activation = SOFTMAX)  Layer out;
}
