package dev.lamina.samples;

import static dev.lamina.dsl.Activation.ELU;
import static dev.lamina.dsl.Activation.LEAKY_RELU;
import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SIGMOID;
import static dev.lamina.dsl.Activation.SOFTMAX;
import static dev.lamina.dsl.Activation.TANH;

import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Optimizer;
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
}
