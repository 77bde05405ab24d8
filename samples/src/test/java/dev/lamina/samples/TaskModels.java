package dev.lamina.samples;

import static dev.lamina.dsl.Activation.SIGMOID;
import static dev.lamina.dsl.Activation.SOFTMAX;
import static dev.lamina.dsl.Activation.TANH;

import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Normalization;
import dev.lamina.dsl.Optimizer;

/** Small models of each task beyond one class of many: two classes, yes/no labels, regression. */
final class TaskModels {
    private TaskModels() {
    }

    /** Two classes as one sigmoid unit. */
    @Model(input = {4}, classes = 2, loss = Loss.BINARY_CROSSENTROPY, metrics = {Metric.ACCURACY, Metric.AUC},
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class Binary {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 1, activation = SIGMOID) Layer out;
    }

    /** Two classes as one logit. */
    @Model(input = {4}, classes = 2, loss = Loss.BINARY_CROSSENTROPY, fromLogits = true, metrics = Metric.ACCURACY,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class BinaryLogits {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 1)                       Layer out;
    }

    /** Two classes trained by plain SGD, whose step is the gradient times the learning rate. */
    @Model(input = {4}, classes = 2, loss = Loss.BINARY_CROSSENTROPY, metrics = Metric.ACCURACY,
           optimizer = @Optimizer(kind = Optimizer.Kind.SGD, learningRate = 0.5))
    static class BinarySgd {
        @Dense(units = 5, activation = TANH)    Layer hidden;
        @Dense(units = 1, activation = SIGMOID) Layer out;
    }

    /** Three yes/no labels as sigmoid units. */
    @Model(input = {4}, outputs = 3, loss = Loss.BINARY_CROSSENTROPY, metrics = Metric.ACCURACY,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class Labels {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 3, activation = SIGMOID) Layer out;
    }

    /** Three yes/no labels as logits. */
    @Model(input = {4}, outputs = 3, loss = Loss.BINARY_CROSSENTROPY, fromLogits = true, metrics = Metric.ACCURACY,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class LabelLogits {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 3)                       Layer out;
    }

    /** Two numbers by mean squared error. */
    @Model(input = {4}, outputs = 2, loss = Loss.MEAN_SQUARED_ERROR, metrics = {Metric.MAE, Metric.RMSE},
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class Regression {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 2)                       Layer out;
    }

    /** Two numbers by the Huber loss. */
    @Model(input = {4}, outputs = 2, loss = Loss.HUBER, metrics = Metric.MAE,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class HuberRegression {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 2)                       Layer out;
    }

    /** Two numbers by the mean absolute error. */
    @Model(input = {4}, outputs = 2, loss = Loss.MEAN_ABSOLUTE_ERROR, metrics = Metric.MAE,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class AbsoluteRegression {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 2)                       Layer out;
    }

    /** Two classes with every metric of two classes, as one sigmoid unit. */
    @Model(input = {4}, classes = 2, loss = Loss.BINARY_CROSSENTROPY,
           metrics = {Metric.ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.F1, Metric.AUC},
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class BinaryMetrics {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 1, activation = SIGMOID) Layer out;
    }

    /** {@link BinaryMetrics} outputting a logit. */
    @Model(input = {4}, classes = 2, loss = Loss.BINARY_CROSSENTROPY, fromLogits = true,
           metrics = {Metric.ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.F1, Metric.AUC},
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class BinaryMetricsLogits {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 1)                       Layer out;
    }

    /** Three classes with the metrics of many classes, top-2 among them. */
    @Model(input = {4}, classes = 3, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, topK = 2,
           metrics = {Metric.ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.F1, Metric.TOP_K_ACCURACY},
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class ThreeClasses {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 3, activation = SOFTMAX) Layer out;
    }

    /** {@link ThreeClasses} outputting logits. */
    @Model(input = {4}, classes = 3, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, fromLogits = true, topK = 2,
           metrics = {Metric.ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.F1, Metric.TOP_K_ACCURACY},
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class ThreeClassLogits {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 3)                       Layer out;
    }

    /** Two classes from three features of far apart scales, standardized by the first layer. */
    @Model(input = {3}, classes = 2, loss = Loss.BINARY_CROSSENTROPY, metrics = Metric.ACCURACY,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class Standardized {
        @Normalization                          Layer norm;
        @Dense(units = 4, activation = TANH)    Layer hidden;
        @Dense(units = 1, activation = SIGMOID) Layer out;
    }

    /** Two classes as a softmax of two units, scored by AUC on class 1's probability. */
    @Model(input = {4}, classes = 2, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, metrics = {Metric.ACCURACY, Metric.AUC},
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class TwoSoftmax {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 2, activation = SOFTMAX) Layer out;
    }

    /** {@link TwoSoftmax} outputting logits. */
    @Model(input = {4}, classes = 2, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, fromLogits = true,
           metrics = {Metric.ACCURACY, Metric.AUC},
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class TwoSoftmaxLogits {
        @Dense(units = 8, activation = TANH)    Layer hidden;
        @Dense(units = 2)                       Layer out;
    }

    /** Small images of three channels, standardized per channel first. */
    @Model(input = {2, 2, 3}, classes = 2, loss = Loss.BINARY_CROSSENTROPY, metrics = Metric.ACCURACY,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM, learningRate = 0.02))
    static class StandardizedImages {
        @Normalization                          Layer norm;
        @Flatten                                Layer flat;
        @Dense(units = 1, activation = SIGMOID) Layer out;
    }
}
