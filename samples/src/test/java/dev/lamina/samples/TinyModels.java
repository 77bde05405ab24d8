package dev.lamina.samples;

import static dev.lamina.dsl.Activation.ELU;
import static dev.lamina.dsl.Activation.LEAKY_RELU;
import static dev.lamina.dsl.Activation.LINEAR;
import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SIGMOID;
import static dev.lamina.dsl.Activation.SOFTMAX;
import static dev.lamina.dsl.Activation.TANH;

import dev.lamina.dsl.ActivationLayer;
import dev.lamina.dsl.Add;
import dev.lamina.dsl.Average;
import dev.lamina.dsl.AveragePool2D;
import dev.lamina.dsl.BatchNormalization;
import dev.lamina.dsl.Concatenate;
import dev.lamina.dsl.Conv2D;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.FillMode;
import dev.lamina.dsl.Interpolation;
import dev.lamina.dsl.FlipMode;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.GlobalAveragePooling2D;
import dev.lamina.dsl.GlobalMaxPooling2D;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Multiply;
import dev.lamina.dsl.MaxPool2D;
import dev.lamina.dsl.Optimizer;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.RandomFlip;
import dev.lamina.dsl.RandomRotation;
import dev.lamina.dsl.RandomTranslation;
import dev.lamina.dsl.RandomZoom;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Rescaling;
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

    /** Global max pooling back into a convolution, a reshape, then global average pooling, with no Flatten. */
    @Model(input = {6, 6}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
           optimizer = @Optimizer(kind = Optimizer.Kind.SGD))
    static class GlobalPools {
        @Reshape({6, 6, 1})                                                                 Layer image;
        @Conv2D(filters = 8, kernel = {3, 3}, activation = TANH)                            Layer conv;
        @GlobalMaxPooling2D                                                                 Layer maxima;
        @Reshape({2, 2, 2})                                                                 Layer grid;
        @Conv2D(filters = 4, kernel = {1, 1}, activation = ELU)                             Layer mix;
        @GlobalAveragePooling2D                                                             Layer means;
        @Dense(units = 3, activation = SOFTMAX)                                             Layer out;
    }

    /**
     * Every activation as a layer of its own: softmax over an image's channels in the middle, and
     * softmax as the output, whose gradient is the loss's fused one.
     */
    @Model(input = {3, 3, 2}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
           optimizer = @Optimizer(kind = Optimizer.Kind.SGD))
    static class ActivationLayers {
        @Conv2D(filters = 3, kernel = {2, 2})      Layer conv;
        @ActivationLayer(SOFTMAX)                  Layer channels;
        @Flatten                                   Layer flat;
        @Dense(units = 6)                          Layer a;
        @ActivationLayer(TANH)                     Layer tanh;
        @Dense(units = 5)                          Layer b;
        @ActivationLayer(SIGMOID)                  Layer sigmoid;
        @Dense(units = 5)                          Layer c;
        @ActivationLayer(ELU)                      Layer elu;
        @Dense(units = 4)                          Layer d;
        @ActivationLayer(LEAKY_RELU)               Layer leaky;
        @Dense(units = 4)                          Layer e;
        @ActivationLayer(RELU)                     Layer relu;
        @ActivationLayer(LINEAR)                   Layer linear;
        @Dense(units = 3)                          Layer logits;
        @ActivationLayer(SOFTMAX)                  Layer out;
    }

    /**
     * Branches: a residual block whose input fans out to three layers (one a Flatten, whose gradient is
     * then its own), a strided projection shortcut of the model's input, an Add that lists one layer
     * twice, a Multiply that lists the sum twice and the projection (taken by three layers) once, an
     * Average of the product and the sum, and Concatenates of feature maps and of flat outputs.
     */
    @Model(input = {6, 6, 2}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM))
    static class Branches {
        @Conv2D(filters = 4, kernel = {3, 3}, padding = Padding.SAME, activation = RELU)             Layer stem;
        @Conv2D(filters = 4, kernel = {3, 3}, padding = Padding.SAME, activation = TANH)             Layer c1;
        @Flatten(from = "stem")                                                                      Layer flatStem;
        @Conv2D(filters = 4, kernel = {3, 3}, padding = Padding.SAME, from = "c1")                   Layer c2;
        @Add({"c2", "stem"})                                                                         Layer block;
        @Conv2D(filters = 3, kernel = {1, 1}, strides = {2, 2}, padding = Padding.SAME, from = Model.INPUT)
                                                                                                     Layer projection;
        @Conv2D(filters = 3, kernel = {3, 3}, strides = {2, 2}, padding = Padding.SAME, activation = ELU,
                from = "block")                                                                      Layer down;
        @Add({"down", "projection", "down"})                                                         Layer sum;
        @Multiply({"sum", "projection", "sum"})                                                      Layer product;
        @Average({"product", "sum"})                                                                 Layer mean;
        @Concatenate({"mean", "projection"})                                                         Layer joined;
        @Flatten                                                                                     Layer flat;
        @Concatenate({"flat", "flatStem"})                                                           Layer both;
        @Dense(units = 3, activation = SOFTMAX)                                                      Layer out;
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

    /**
     * L2-regularized kernels, as Keras' kernel_regularizer: a convolution's, and two Dense layers', one
     * without bias. Factors large enough that a missing penalty gradient shows.
     */
    @Model(input = {5, 5, 2}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
           optimizer = @Optimizer(kind = Optimizer.Kind.SGD))
    static class Regularized {
        @Conv2D(filters = 3, kernel = {3, 3}, activation = TANH, kernelL2 = 0.05)    Layer conv;
        @Flatten                                                                     Layer flat;
        @Dense(units = 4, activation = ELU, useBias = false, kernelL2 = 0.1)         Layer hidden;
        @Dense(units = 3, activation = SOFTMAX, kernelL2 = 0.01)                     Layer out;
    }

    /** Rescaling of the input (whose gradient is not needed) and between two convolutions, by a negative scale. */
    @Model(input = {6, 6, 2}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
           optimizer = @Optimizer(kind = Optimizer.Kind.SGD))
    static class Rescaled {
        @Rescaling(scale = 0.5, offset = 0.25)                                   Layer inputScale;
        @Conv2D(filters = 3, kernel = {3, 3}, activation = TANH)                 Layer conv;
        @Rescaling(scale = -2, offset = 1)                                       Layer scaled;
        @Conv2D(filters = 2, kernel = {2, 2}, activation = ELU)                  Layer mix;
        @Flatten                                                                 Layer flat;
        @Dense(units = 3, activation = SOFTMAX)                                  Layer out;
    }

    /**
     * Augmentation of the input and of feature maps, each kind: flips, a reflecting and a zero-filling
     * translation, a wrapping rotation and zooms both ways of reading after a convolution, whose
     * gradients pass back through them.
     */
    @Model(input = {6, 6, 2}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM))
    static class Augmented {
        @RandomFlip                                                              Layer flip;
        @RandomTranslation(height = 0.3, width = 0.3)                            Layer shift;
        @Conv2D(filters = 3, kernel = {3, 3}, padding = Padding.SAME, activation = TANH) Layer conv;
        @RandomFlip(mode = FlipMode.HORIZONTAL)                                  Layer flipFeatures;
        @RandomTranslation(height = 0.5, width = 0.5, fill = FillMode.CONSTANT)  Layer zeroFilled;
        @RandomTranslation(height = 0.4, width = 0.2)                            Layer reflected;
        @RandomRotation(value = 0.2, fill = FillMode.WRAP)                       Layer turned;
        @RandomZoom(height = 0.3, width = 0.2, interpolation = Interpolation.NEAREST) Layer zoomed;
        @RandomZoom(height = 0.4, fill = FillMode.CONSTANT)                      Layer zoomedOut;
        @Flatten                                                                 Layer flat;
        @Dense(units = 3, activation = SOFTMAX)                                  Layer out;
    }

    /** {@link Augmented} without its augmentation: the same parameters, in the same order. */
    @Model(input = {6, 6, 2}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM))
    static class Unaugmented {
        @Conv2D(filters = 3, kernel = {3, 3}, padding = Padding.SAME, activation = TANH) Layer conv;
        @Flatten                                                                 Layer flat;
        @Dense(units = 3, activation = SOFTMAX)                                  Layer out;
    }
}
