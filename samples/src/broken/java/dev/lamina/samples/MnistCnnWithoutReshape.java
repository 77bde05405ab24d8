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

/**
 * {@link MnistCnn} with its Reshape line removed: it does not compile, and this is the point. This
 * folder is outside the build; compile it to see the error:
 * {@code mvn -q -pl samples compile -Pbroken-sample}.
 */
@Model(input = {28, 28}, classes = 10,
       loss = Loss.CATEGORICAL_CROSSENTROPY,
       optimizer = @Optimizer(kind = Optimizer.Kind.ADAM),
       metrics = Metric.ACCURACY)
public class MnistCnnWithoutReshape {
    @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU) Layer conv1;
    @MaxPool2D({2, 2})                                        Layer pool1;
    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU) Layer conv2;
    @MaxPool2D({2, 2})                                        Layer pool2;
    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU) Layer conv3;
    @Flatten                                                  Layer flat;
    @Dense(units = 64, activation = RELU)                     Layer fc;
    @Dense(units = 10, activation = SOFTMAX)                  Layer out;
}
