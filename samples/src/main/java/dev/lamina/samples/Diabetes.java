package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;

import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Normalization;
import dev.lamina.dsl.Optimizer;

/**
 * Regression on a table: scikit-learn's diabetes data (442 patients, 10 measurements, and a number
 * measuring the disease's progress a year later, 25 to 346). Standardized inputs, one hidden layer,
 * one linear output trained on the squared error.
 */
@Model(input = 10, outputs = 1,
       loss = Loss.MEAN_SQUARED_ERROR,
       optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.01),
       metrics = {Metric.MAE, Metric.RMSE})
public class Diabetes {
    @Normalization                              Layer standardized;
    @Dense(units = 16, activation = RELU)       Layer hidden;
    @Dense(units = 1)                           Layer out;
}
