package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SOFTMAX;

import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Normalization;
import dev.lamina.dsl.Optimizer;

/** One class of three from a table: Fisher's iris flowers (150 flowers, 4 measurements, 3 species). */
@Model(input = 4, classes = 3,
       loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
       optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.01),
       metrics = {Metric.ACCURACY, Metric.F1})
public class Iris {
    @Normalization                              Layer standardized;
    @Dense(units = 16, activation = RELU)       Layer hidden;
    @Dense(units = 3, activation = SOFTMAX)     Layer out;
}
