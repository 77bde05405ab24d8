package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;

import dev.lamina.dsl.Add;
import dev.lamina.dsl.Conv2D;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.GlobalAveragePooling2D;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.MaxPool2D;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Optimizer;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Reshape;

/**
 * {@link ToyResNet} with two mistakes, which the compiler reports (README shows them): the second
 * block's convolution has 32 filters, so its output cannot be added to the block's input of 64
 * channels, and the third block's Add names its input with a typo.
 */
@Model(input = {28, 28}, classes = 10,
       loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, fromLogits = true,
       optimizer = @Optimizer(kind = Optimizer.Kind.RMSPROP, learningRate = 1e-3),
       metrics = Metric.ACCURACY)
public class ToyResNetBroken {
    @Reshape({28, 28, 1})                                                              Layer image;
    @Conv2D(filters = 32, kernel = {3, 3}, activation = RELU)                          Layer conv1;
    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU)                          Layer conv2;
    @MaxPool2D({3, 3})                                                                 Layer block1;

    @Conv2D(filters = 64, kernel = {3, 3}, padding = Padding.SAME, activation = RELU)  Layer conv3;
    @Conv2D(filters = 32, kernel = {3, 3}, padding = Padding.SAME, activation = RELU)  Layer conv4;
    @Add({"conv4", "block1"})                                                          Layer block2;

    @Conv2D(filters = 64, kernel = {3, 3}, padding = Padding.SAME, activation = RELU)  Layer conv5;
    @Conv2D(filters = 64, kernel = {3, 3}, padding = Padding.SAME, activation = RELU)  Layer conv6;
    @Add({"conv6", "blok2"})                                                           Layer block3;

    @Conv2D(filters = 64, kernel = {3, 3}, activation = RELU)                          Layer conv7;
    @GlobalAveragePooling2D                                                            Layer pooled;
    @Dense(units = 256, activation = RELU)                                             Layer fc;
    @Dropout(0.5)                                                                      Layer dropout;
    @Dense(units = 10)                                                                 Layer logits;
}
