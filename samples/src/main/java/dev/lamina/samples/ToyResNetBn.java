package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;

import dev.lamina.dsl.Add;
import dev.lamina.dsl.BatchNormalization;
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
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.Reshape;

/**
 * {@link ToyResNet} with batch normalization, as ResNets place it: each convolution (without bias,
 * which the normalization's beta replaces) is normalized before its ReLU, and in a residual block the
 * second normalized convolution is added to the block's input before the ReLU. Adam.
 */
@Model(input = {28, 28}, classes = 10,
       loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, fromLogits = true,
       optimizer = @Optimizer(kind = Optimizer.Kind.ADAM),
       metrics = Metric.ACCURACY)
public class ToyResNetBn {
    @Reshape({28, 28, 1})                                                              Layer image;
    @Conv2D(filters = 32, kernel = {3, 3}, useBias = false)                            Layer conv1;
    @BatchNormalization                                                                Layer norm1;
    @ReLU                                                                              Layer relu1;
    @Conv2D(filters = 64, kernel = {3, 3}, useBias = false)                            Layer conv2;
    @BatchNormalization                                                                Layer norm2;
    @ReLU                                                                              Layer relu2;
    @MaxPool2D({3, 3})                                                                 Layer block1;

    @Conv2D(filters = 64, kernel = {3, 3}, padding = Padding.SAME, useBias = false)    Layer conv3;
    @BatchNormalization                                                                Layer norm3;
    @ReLU                                                                              Layer relu3;
    @Conv2D(filters = 64, kernel = {3, 3}, padding = Padding.SAME, useBias = false)    Layer conv4;
    @BatchNormalization                                                                Layer norm4;
    @Add({"norm4", "block1"})                                                          Layer sum2;
    @ReLU                                                                              Layer block2;

    @Conv2D(filters = 64, kernel = {3, 3}, padding = Padding.SAME, useBias = false)    Layer conv5;
    @BatchNormalization                                                                Layer norm5;
    @ReLU                                                                              Layer relu5;
    @Conv2D(filters = 64, kernel = {3, 3}, padding = Padding.SAME, useBias = false)    Layer conv6;
    @BatchNormalization                                                                Layer norm6;
    @Add({"norm6", "block2"})                                                          Layer sum3;
    @ReLU                                                                              Layer block3;

    @Conv2D(filters = 64, kernel = {3, 3}, useBias = false)                            Layer conv7;
    @BatchNormalization                                                                Layer norm7;
    @ReLU                                                                              Layer relu7;
    @GlobalAveragePooling2D                                                            Layer pooled;
    @Dense(units = 256, activation = RELU)                                             Layer fc;
    @Dropout(0.5)                                                                      Layer dropout;
    @Dense(units = 10)                                                                 Layer logits;
}
