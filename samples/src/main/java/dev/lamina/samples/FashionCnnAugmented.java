package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SOFTMAX;

import dev.lamina.dsl.Conv2D;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.FlipMode;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.MaxPool2D;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Optimizer;
import dev.lamina.dsl.RandomFlip;
import dev.lamina.dsl.RandomTranslation;
import dev.lamina.dsl.Reshape;

/**
 * {@link FashionCnn} with Keras' augmentation layers in front: each training image flipped left to
 * right half the time and shifted by up to a tenth of its size (2 pixels) each way, mirrored at the
 * edges; evaluate and predict see the images as they are.
 */
@Model(input = {28, 28}, classes = 10,
       loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
       optimizer = @Optimizer(kind = Optimizer.Kind.ADAM),
       metrics = Metric.ACCURACY)
public class FashionCnnAugmented {
    @Reshape({28, 28, 1})                                     Layer image;
    @RandomFlip(mode = FlipMode.HORIZONTAL)                   Layer flipped;
    @RandomTranslation(height = 0.1, width = 0.1)             Layer shifted;
    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU) Layer conv1;
    @MaxPool2D({2, 2})                                        Layer pool1;
    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU) Layer conv2;
    @MaxPool2D({2, 2})                                        Layer pool2;
    @Flatten                                                  Layer flat;
    @Dense(units = 128, activation = RELU)                    Layer fc;
    @Dense(units = 10, activation = SOFTMAX)                  Layer out;
}
