package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SIGMOID;

import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Normalization;
import dev.lamina.dsl.Optimizer;

/**
 * A yes/no table: scikit-learn's breast cancer data (569 tumours, 30 measurements each, malignant or
 * benign). The measurements range from 0.001 to 4,000, so the first layer standardizes them with
 * statistics of the training rows; one sigmoid unit gives the probability of class 1 (benign).
 */
@Model(input = 30, classes = 2,
       loss = Loss.BINARY_CROSSENTROPY,
       optimizer = @Optimizer(kind = Optimizer.Kind.ADAM),
       metrics = {Metric.ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.AUC})
public class BreastCancer {
    @Normalization                              Layer standardized;
    @Dense(units = 16, activation = RELU)       Layer hidden;
    @Dropout(0.2)                               Layer dropped;
    @Dense(units = 1, activation = SIGMOID)     Layer out;
}
