package com.example;

import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SOFTMAX;

import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Optimizer;

/**
 * Which quadrant of the plane a point (x, y) lies in: 2 inputs, 16 ReLU units, 4 softmax outputs.
 * Lamina's processor generates {@code QuadrantsNetwork} beside it when this file compiles.
 */
@Model(input = {2}, classes = 4,
       loss = Loss.CATEGORICAL_CROSSENTROPY,
       optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.01),
       metrics = Metric.ACCURACY)
public class Quadrants {
    @Dense(units = 16, activation = RELU)    Layer hidden;
    @Dense(units = 4, activation = SOFTMAX)  Layer out;
}
