package dev.lamina.samples;

import static dev.lamina.dsl.Activation.ELU;
import static dev.lamina.dsl.Activation.LEAKY_RELU;
import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SIGMOID;
import static dev.lamina.dsl.Activation.SOFTMAX;
import static dev.lamina.dsl.Activation.TANH;

import dev.lamina.dsl.AveragePool2D;
import dev.lamina.dsl.BatchNormalization;
import dev.lamina.dsl.Conv2D;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.MaxPool2D;
import dev.lamina.dsl.Optimizer;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Reshape;

/** Small models whose generated networks the tests check against finite differences. */
final class TinyModels {
    private TinyModels() {
    }

    /** Every activation, softmax with probability crossentropy (the fused gradient). */
    @Model(input = {4, 3}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
           optimizer = @Optimizer(kind = Optimizer.Kind.SGD))
    static class Probabilities {
        @Flatten                                   Layer flat;
        @Dense(units = 6, activation = TANH)       Layer a;
        @Dense(units = 5, activation = SIGMOID)    Layer b;
        @Dense(units = 5, activation = ELU)        Layer c;
        @Dense(units = 4, activation = LEAKY_RELU, useBias = false) Layer d;
        @Dense(units = 4, activation = RELU)       Layer e;
        @Dense(units = 3, activation = SOFTMAX)    Layer out;
    }

    /** Logits, a reshape in the middle, and no bias on the output. */
    @Model(input = {12}, classes = 4, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, fromLogits = true,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM))
    static class Logits {
        @Dense(units = 6, activation = TANH)       Layer hidden;
        @Reshape({2, 3})                           Layer grid;
        @Flatten                                   Layer flat;
        @Dense(units = 4, useBias = false)         Layer out;
    }

    /** Convolutions valid and same, strides 1 and 2, with and without bias, max and average pooling, a ReLU layer. */
    @Model(input = {7, 7}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM))
    static class Convolutions {
        @Reshape({7, 7, 1})                                                                 Layer image;
        @Conv2D(filters = 3, kernel = {3, 3}, activation = TANH)                            Layer valid;
        @Conv2D(filters = 2, kernel = {3, 2}, strides = {2, 1}, padding = Padding.SAME,
                activation = SIGMOID, useBias = false)                                      Layer same;
        @MaxPool2D(value = {2, 2}, strides = {1, 1})                                        Layer max;
        @ReLU                                                                               Layer rectified;
        @Conv2D(filters = 2, kernel = {2, 2}, strides = {2, 2}, padding = Padding.SAME,
                activation = ELU)                                                           Layer strided;
        @AveragePool2D(value = {2, 2}, strides = {1, 1}, padding = Padding.SAME)           Layer average;
        @Flatten                                                                            Layer flat;
        @Dense(units = 3, activation = SOFTMAX)                                             Layer out;
    }

    /**
     * BatchNormalization on the input (whose gradient is not needed), after a convolution (statistics
     * over batch, height and width) and after a Dense layer without gamma.
     */
    @Model(input = {5, 5, 2}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM))
    static class Normalized {
        @BatchNormalization                                  Layer inputNorm;
        @Conv2D(filters = 3, kernel = {3, 3})                Layer conv;
        @BatchNormalization(momentum = 0.9)                  Layer convNorm;
        @ReLU                                                Layer rectified;
        @Flatten                                             Layer flat;
        @Dense(units = 4, useBias = false)                   Layer hidden;
        @BatchNormalization(scale = false, epsilon = 0.01)   Layer hiddenNorm;
        @Dense(units = 3, activation = SOFTMAX)              Layer out;
    }
}
