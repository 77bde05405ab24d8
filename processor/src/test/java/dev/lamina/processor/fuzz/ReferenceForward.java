package dev.lamina.processor.fuzz;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.ActivationLayerSpec;
import dev.lamina.dsl.AddSpec;
import dev.lamina.dsl.AverageSpec;
import dev.lamina.dsl.BatchNormalizationSpec;
import dev.lamina.dsl.ConcatenateSpec;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.DropoutSpec;
import dev.lamina.dsl.GlobalPool2DSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.NormalizationSpec;
import dev.lamina.dsl.MultiplySpec;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pool2DSpec;
import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.RandomImageSpec;
import dev.lamina.dsl.ReLUSpec;
import dev.lamina.dsl.RescalingSpec;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import java.util.Iterator;
import java.util.List;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.AvgPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.BatchNorm;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One layer at a time, the way a reader of ND4J's documentation would write it: ND4J's own op
 * classes with their config builders, outputs allocated by ND4J at the shape ND4J computes. The
 * differential test compares this with the generated network, shape by shape and value by value.
 */
final class ReferenceForward {
    private ReferenceForward() {
    }

    /**
     * The layer's inference output for {@code inputs} (one, but for a merge), reading its parameters
     * in the spec's order (kernel, then bias; gamma, beta, moving mean and variance) from
     * {@code parameters}; {@code inputShape} is the first input's.
     */
    static INDArray apply(LayerSpec spec, List<INDArray> inputs, Shape inputShape, Iterator<INDArray> parameters) {
        if (spec instanceof AddSpec) {
            INDArray sum = inputs.get(0).dup();
            inputs.subList(1, inputs.size()).forEach(sum::addi);
            return sum;
        }
        if (spec instanceof MultiplySpec || spec instanceof AverageSpec) {
            // The inputs stacked along a new first axis, reduced along it by ND4J's own product or mean.
            INDArray stacked = Nd4j.stack(0, inputs.stream().map(INDArray::dup).toArray(INDArray[]::new));
            return spec instanceof MultiplySpec ? stacked.prod(0) : stacked.mean(0);
        }
        if (spec instanceof ConcatenateSpec concatenate) {
            return Nd4j.concat(concatenate.index(inputShape.rank()) + 1, inputs.toArray(INDArray[]::new));
        }
        return apply(spec, inputs.get(0), inputShape, parameters);
    }

    private static INDArray apply(LayerSpec spec, INDArray x, Shape inputShape, Iterator<INDArray> parameters) {
        long batch = x.size(0);
        if (spec instanceof DenseSpec dense) {
            INDArray y = x.mmul(parameters.next());
            if (dense.useBias()) {
                y.addiRowVector(parameters.next());
            }
            return activate(dense.activation(), y);
        }
        if (spec instanceof Conv2DSpec conv) {
            Window2D w = conv.window();
            INDArray kernel = parameters.next();
            INDArray bias = conv.useBias() ? parameters.next() : null;
            Conv2DConfig config = Conv2DConfig.builder().kH(w.height()).kW(w.width()).sH(w.strideHeight()).sW(w.strideWidth())
                    .paddingMode(mode(w.padding())).dataFormat(Conv2DConfig.NHWC).weightsFormat(WeightsFormat.YXIO).build();
            return activate(conv.activation(), Nd4j.exec(new Conv2D(x, kernel, bias, null, config))[0]);
        }
        if (spec instanceof Pool2DSpec pool) {
            Window2D w = pool.window();
            Pooling2DConfig config = Pooling2DConfig.builder().kH(w.height()).kW(w.width()).sH(w.strideHeight())
                    .sW(w.strideWidth()).paddingMode(mode(w.padding())).isNHWC(true)
                    .divisor(org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D.Divisor.EXCLUDE_PADDING).build();
            return Nd4j.exec(pool.pooling() == Pooling.MAX ? new MaxPooling2D(x, null, config) : new AvgPooling2D(x, null, config))[0];
        }
        if (spec instanceof DropoutSpec || spec instanceof RandomImageSpec) {
            // Random in training only: the identity in inference.
            return x;
        }
        if (spec instanceof RescalingSpec rescaling) {
            return x.mul(rescaling.scale()).addi(rescaling.offset());
        }
        if (spec instanceof BatchNormalizationSpec norm) {
            // Inference: ND4J's batchnorm op with the moving statistics, over the last axis.
            INDArray gamma = norm.scale() ? parameters.next() : null;
            INDArray beta = norm.center() ? parameters.next() : null;
            INDArray mean = parameters.next();
            INDArray variance = parameters.next();
            return Nd4j.exec(new BatchNorm(x, mean, variance, gamma, beta, norm.epsilon(), x.rank() - 1))[0];
        }
        if (spec instanceof NormalizationSpec) {
            // (x - mean) / max(sqrt(variance), epsilon) over the last axis, as Keras' Normalization.
            INDArray mean = parameters.next();
            INDArray deviation = Transforms.max(Transforms.sqrt(parameters.next(), true), NormalizationSpec.EPSILON);
            parameters.next(); // the count, which only says whether the statistics were measured
            long features = mean.length();
            INDArray rows = x.dup('c').reshape('c', x.length() / features, features);
            return rows.subRowVector(mean.reshape(1, features)).divRowVector(deviation.reshape(1, features)).reshape(x.shape());
        }
        if (spec instanceof ReLUSpec relu) {
            return activate(relu.activation(), x);
        }
        if (spec instanceof ActivationLayerSpec activation) {
            return activate(activation.activation(), x);
        }
        if (spec instanceof GlobalPool2DSpec pool) {
            return globalPool(pool.pooling(), x);
        }
        // Flatten and Reshape: the same elements, row-major.
        return x.reshape(spec.outputShape(inputShape).orElseThrow().withBatch(batch));
    }

    private static PaddingMode mode(Padding padding) {
        return padding == Padding.SAME ? PaddingMode.SAME : PaddingMode.VALID;
    }

    private static INDArray activate(Activation activation, INDArray z) {
        return switch (activation) {
            case LINEAR -> z;
            case RELU -> Transforms.relu(z, true);
            case SIGMOID -> Transforms.sigmoid(z, true);
            case TANH -> Transforms.tanh(z, true);
            case SOFTMAX -> z.rank() == 2 ? Transforms.softmax(z, true) : softmaxOverLastAxis(z);
            case LEAKY_RELU -> Transforms.leakyRelu(z, Activation.LEAKY_RELU_SLOPE, true);
            case ELU -> Transforms.elu(z, true);
        };
    }

    /** Softmax over the last axis of any rank, as Keras' Activation('softmax'): exp(z - max) / sum. */
    private static INDArray softmaxOverLastAxis(INDArray z) {
        int last = z.rank() - 1;
        INDArray exponentials = Transforms.exp(z.sub(z.max(true, last).broadcast(z.shape())), false);
        return exponentials.divi(exponentials.sum(true, last).broadcast(z.shape()));
    }

    /** Each channel's maximum or mean over (batch, height, width, channels), in plain loops. */
    private static INDArray globalPool(Pooling pooling, INDArray x) {
        long[] s = x.shape();
        INDArray y = Nd4j.create(x.dataType(), s[0], s[3]);
        for (long n = 0; n < s[0]; n++) {
            for (long c = 0; c < s[3]; c++) {
                double max = Double.NEGATIVE_INFINITY;
                double sum = 0;
                for (long h = 0; h < s[1]; h++) {
                    for (long w = 0; w < s[2]; w++) {
                        max = Math.max(max, x.getDouble(n, h, w, c));
                        sum += x.getDouble(n, h, w, c);
                    }
                }
                y.putScalar(new long[] {n, c}, pooling == Pooling.MAX ? max : sum / (s[1] * s[2]));
            }
        }
        return y;
    }
}
