package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SIGMOID;
import static dev.lamina.dsl.Activation.SOFTMAX;

import dev.lamina.dsl.Conv2D;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.MaxPool2D;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Reshape;

/**
 * Lamina models of the Keras models in src/test/resources/keras (see ORIGIN.md there), and variants
 * that differ from them in one way each, which loading must refuse.
 */
final class KerasModels {
    private KerasModels() {
    }

    /**
     * Purinat33/Streamlit-MNIST's mnist_cnn.h5 (Keras 2.10): pixels 0-255 in, as it was trained. Keras
     * took (28, 28, 1); a Lamina model reshapes its (28, 28) input to that, which moves no value.
     */
    @Model(input = {28, 28}, classes = 10, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, metrics = Metric.ACCURACY)
    static class PurinatCnn {
        @Reshape({28, 28, 1})                                       Layer image;
        @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU)   Layer conv2d;
        @MaxPool2D({3, 3})                                          Layer pool1;
        @Conv2D(filters = 16, kernel = {2, 2}, activation = RELU)   Layer conv2d1;
        @MaxPool2D({2, 2})                                          Layer pool2;
        @Flatten                                                    Layer flat;
        @Dense(units = 784, activation = SIGMOID)                   Layer dense;
        @Dense(units = 16, activation = RELU)                       Layer dense1;
        @Dense(units = 16, activation = RELU)                       Layer dense2;
        @Dense(units = 10, activation = SOFTMAX)                    Layer out;
    }

    /**
     * Poornima030/Neural-Network-Digit-Classifier's mnist_model.keras (Keras 3.12) and mnist_model.h5
     * (the same architecture, saved by Keras 3.12 in the legacy HDF5 layout): pixels 0-1 in, as it was
     * trained. Keras took (28, 28, 1); the (28, 28) input is reshaped to that, which moves no value.
     */
    @Model(input = {28, 28}, classes = 10, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, metrics = Metric.ACCURACY)
    static class PoornimaCnn {
        @Reshape({28, 28, 1})                                       Layer image;
        @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU)   Layer conv2d;
        @MaxPool2D({2, 2})                                          Layer pool1;
        @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU)   Layer conv2d1;
        @MaxPool2D({2, 2})                                          Layer pool2;
        @Flatten                                                    Layer flat;
        @Dense(units = 128, activation = RELU)                      Layer dense;
        @Dense(units = 10, activation = SOFTMAX)                    Layer out;
    }

    /**
     * Kotlin/kotlindl's MNIST MLP (models/mnist/mnist1/hdf5/mnist.h5, saved by tf.keras 2.2.4-tf): pixels
     * 0-1 in, as it was trained; Keras' Flatten of the (28, 28) input is Lamina's.
     */
    @Model(input = {28, 28}, classes = 10, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, metrics = Metric.ACCURACY)
    static class KotlindlMlp {
        @Flatten                                                    Layer flatten;
        @Dense(units = 128, activation = RELU)                      Layer dense;
        @Dense(units = 10, activation = SOFTMAX)                    Layer out;
    }

    /** The second convolution 3x3 where Keras' is 2x2: its kernel has another shape. */
    @Model(input = {28, 28}, classes = 10, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY)
    static class WrongKernel {
        @Reshape({28, 28, 1})                                       Layer image;
        @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU)   Layer conv2d;
        @MaxPool2D({3, 3})                                          Layer pool1;
        @Conv2D(filters = 16, kernel = {3, 3}, activation = RELU)   Layer conv2d1;
        @Flatten                                                    Layer flat;
        @Dense(units = 784, activation = SIGMOID)                   Layer dense;
        @Dense(units = 16, activation = RELU)                       Layer dense1;
        @Dense(units = 16, activation = RELU)                       Layer dense2;
        @Dense(units = 10, activation = SOFTMAX)                    Layer out;
    }

    /** Without the second pooling layer (its Dense then takes 7 x 7 x 16 = 784 values, so it compiles). */
    @Model(input = {28, 28}, classes = 10, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY)
    static class MissingPool {
        @Reshape({28, 28, 1})                                       Layer image;
        @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU)   Layer conv2d;
        @MaxPool2D({3, 3})                                          Layer pool1;
        @Conv2D(filters = 16, kernel = {2, 2}, activation = RELU)   Layer conv2d1;
        @Flatten                                                    Layer flat;
        @Dense(units = 784, activation = SIGMOID)                   Layer dense;
        @Dense(units = 16, activation = RELU)                       Layer dense1;
        @Dense(units = 16, activation = RELU)                       Layer dense2;
        @Dense(units = 10, activation = SOFTMAX)                    Layer out;
    }

    /** The first Dense with ReLU where Keras' has a sigmoid: same shapes, other predictions. */
    @Model(input = {28, 28}, classes = 10, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY)
    static class WrongActivation {
        @Reshape({28, 28, 1})                                       Layer image;
        @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU)   Layer conv2d;
        @MaxPool2D({3, 3})                                          Layer pool1;
        @Conv2D(filters = 16, kernel = {2, 2}, activation = RELU)   Layer conv2d1;
        @MaxPool2D({2, 2})                                          Layer pool2;
        @Flatten                                                    Layer flat;
        @Dense(units = 784, activation = RELU)                      Layer dense;
        @Dense(units = 16, activation = RELU)                       Layer dense1;
        @Dense(units = 16, activation = RELU)                       Layer dense2;
        @Dense(units = 10, activation = SOFTMAX)                    Layer out;
    }

    /** One Dense more at the end than Keras has. */
    @Model(input = {28, 28}, classes = 10, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY)
    static class ExtraLayer {
        @Reshape({28, 28, 1})                                       Layer image;
        @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU)   Layer conv2d;
        @MaxPool2D({3, 3})                                          Layer pool1;
        @Conv2D(filters = 16, kernel = {2, 2}, activation = RELU)   Layer conv2d1;
        @MaxPool2D({2, 2})                                          Layer pool2;
        @Flatten                                                    Layer flat;
        @Dense(units = 784, activation = SIGMOID)                   Layer dense;
        @Dense(units = 16, activation = RELU)                       Layer dense1;
        @Dense(units = 16, activation = RELU)                       Layer dense2;
        @Dense(units = 10, activation = RELU)                       Layer out;
        @Dense(units = 10, activation = SOFTMAX)                    Layer extra;
    }
}
