package dev.lamina.runtime.onnx;

import static dev.lamina.runtime.onnx.OnnxGraph.integer;
import static dev.lamina.runtime.onnx.OnnxGraph.ints;
import static dev.lamina.runtime.onnx.OnnxGraph.real;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.ActivationLayerSpec;
import dev.lamina.dsl.AddSpec;
import dev.lamina.dsl.AverageSpec;
import dev.lamina.dsl.BatchNormalizationSpec;
import dev.lamina.dsl.ConcatenateSpec;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.DropoutSpec;
import dev.lamina.dsl.FlattenSpec;
import dev.lamina.dsl.GlobalPool2DSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.MultiplySpec;
import dev.lamina.dsl.NormalizationSpec;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pool2DSpec;
import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.RandomFlipSpec;
import dev.lamina.dsl.RandomRotationSpec;
import dev.lamina.dsl.RandomTranslationSpec;
import dev.lamina.dsl.RandomZoomSpec;
import dev.lamina.dsl.ReLUSpec;
import dev.lamina.dsl.RescalingSpec;
import dev.lamina.dsl.ReshapeSpec;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import dev.lamina.runtime.training.LayerDefinition;
import java.util.List;

/**
 * The ONNX nodes of one layer, as its kernels compute it in inference ({@code predict}). A visitor, so
 * that a new layer kind without a rule here is a compile error, never a silent approximation. Each
 * method returns the name of the value holding the layer's output, channels-last as in Lamina.
 */
final class LayerExport implements LayerSpec.Visitor<String> {
    /** NHWC to NCHW, for ONNX's Conv and pools, and back: ONNX Runtime folds the pairs that meet. */
    private static final long[] TO_NCHW = {0, 3, 1, 2};
    private static final long[] TO_NHWC = {0, 2, 3, 1};

    private final OnnxGraph graph;
    private final LayerDefinition layer;
    private final List<String> inputs;
    private final Weights weights;

    /**
     * @param inputs the names of the values the layer reads, in {@link LayerDefinition#from} order
     */
    LayerExport(OnnxGraph graph, LayerDefinition layer, List<String> inputs, Weights weights) {
        this.graph = graph;
        this.layer = layer;
        this.inputs = inputs;
        this.weights = weights;
    }

    String export() {
        return layer.spec().accept(this);
    }

    private String input() {
        return inputs.get(0);
    }

    private Shape inputShape() {
        return layer.inputs().get(0);
    }

    private String value(String suffix) {
        return layer.name() + "/" + suffix;
    }

    private String weight(String role) {
        return graph.floats(value(role), weights.shape(layer.name(), role), weights.floats(layer.name(), role));
    }

    /** A per-feature constant (over the last axis, which ONNX broadcasts along as Lamina's row vectors do). */
    private String vector(String role, double[] values) {
        float[] rounded = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = (float) values[i];
        }
        return graph.floats(value(role), new long[] {values.length}, rounded);
    }

    private String scalar(String role, double value) {
        return graph.floats(value(role), new long[0], new float[] {(float) value});
    }

    /** The activation's node after {@code x}; Softmax over the last axis (opset 13's single-axis Softmax). */
    private String activate(Activation activation, String x) {
        return switch (activation) {
            case LINEAR -> x;
            case RELU -> graph.node("Relu", value("relu"), List.of(x));
            case SIGMOID -> graph.node("Sigmoid", value("sigmoid"), List.of(x));
            case TANH -> graph.node("Tanh", value("tanh"), List.of(x));
            case SOFTMAX -> graph.node("Softmax", value("softmax"), List.of(x), integer("axis", -1));
            case LEAKY_RELU -> graph.node("LeakyRelu", value("leaky_relu"), List.of(x),
                    real("alpha", (float) Activation.LEAKY_RELU_SLOPE));
            case ELU -> graph.node("Elu", value("elu"), List.of(x), real("alpha", (float) Activation.ELU_ALPHA));
        };
    }

    @Override
    public String dense(DenseSpec dense) {
        String y = graph.node("MatMul", value("matmul"), List.of(input(), weight("kernel")));
        if (dense.useBias()) {
            y = graph.node("Add", value("biased"), List.of(y, weight("bias")));
        }
        return activate(dense.activation(), y);
    }

    @Override
    public String conv2D(Conv2DSpec conv) {
        Window2D window = conv.window();
        String nchw = graph.node("Transpose", value("nchw"), List.of(input()), ints("perm", TO_NCHW));
        // Lamina's kernel (kh, kw, in, out) is ONNX's (out, in, kh, kw).
        String kernel = graph.floats(value("kernel"), weights.convolutionShape(layer.name()),
                weights.convolutionKernel(layer.name()));
        List<String> operands = conv.useBias() ? List.of(nchw, kernel, weight("bias")) : List.of(nchw, kernel);
        String y = graph.node("Conv", value("conv"), operands,
                ints("kernel_shape", window.height(), window.width()),
                ints("strides", window.strideHeight(), window.strideWidth()),
                ints("pads", pads(window)),
                ints("dilations", 1, 1));
        String nhwc = graph.node("Transpose", value("nhwc"), List.of(y), ints("perm", TO_NHWC));
        // After the transpose back: a softmax activation runs over the channels, the last axis.
        return activate(conv.activation(), nhwc);
    }

    @Override
    public String pool2D(Pool2DSpec pool) {
        Window2D window = pool.window();
        String nchw = graph.node("Transpose", value("nchw"), List.of(input()), ints("perm", TO_NCHW));
        String y = pool.pooling() == Pooling.MAX
                ? graph.node("MaxPool", value("maxpool"), List.of(nchw),
                        ints("kernel_shape", window.height(), window.width()),
                        ints("strides", window.strideHeight(), window.strideWidth()),
                        ints("pads", pads(window)))
                // Lamina's averages leave the padding out, as Keras' do: count_include_pad = 0.
                : graph.node("AveragePool", value("averagepool"), List.of(nchw),
                        ints("kernel_shape", window.height(), window.width()),
                        ints("strides", window.strideHeight(), window.strideWidth()),
                        ints("pads", pads(window)),
                        integer("count_include_pad", 0));
        return graph.node("Transpose", value("nhwc"), List.of(y), ints("perm", TO_NHWC));
    }

    /**
     * ONNX's explicit pads (top, left, bottom, right) for the window over this layer's input: SAME pads
     * as TensorFlow, the odd cell after (Window2D's rule); VALID pads nothing.
     */
    private long[] pads(Window2D window) {
        Shape in = inputShape();
        long top = window.paddingBefore(in.dim(0), window.height(), window.strideHeight());
        long left = window.paddingBefore(in.dim(1), window.width(), window.strideWidth());
        long bottom = padding(window, in.dim(0), window.height(), window.strideHeight()) - top;
        long right = padding(window, in.dim(1), window.width(), window.strideWidth()) - left;
        return new long[] {top, left, bottom, right};
    }

    private static long padding(Window2D window, long input, int size, int stride) {
        if (window.padding() == Padding.VALID) {
            return 0;
        }
        long needed = (window.outputLength(input, size, stride) - 1) * stride + size - input;
        return Math.max(needed, 0);
    }

    @Override
    public String dropout(DropoutSpec dropout) {
        return input(); // inference passes its input through
    }

    @Override
    public String flatten(FlattenSpec flatten) {
        return reshape();
    }

    @Override
    public String reshape(ReshapeSpec reshape) {
        return reshape();
    }

    /** Both are row-major over a channels-last sample, in Lamina and in ONNX: one Reshape, the batch left as -1. */
    private String reshape() {
        int[] dims = layer.output().dims();
        long[] shape = new long[dims.length + 1];
        shape[0] = -1;
        for (int i = 0; i < dims.length; i++) {
            shape[i + 1] = dims[i];
        }
        return graph.node("Reshape", value("reshape"), List.of(input(), graph.longs(value("shape"), shape)));
    }

    @Override
    public String relu(ReLUSpec relu) {
        return activate(Activation.RELU, input());
    }

    @Override
    public String add(AddSpec add) {
        return chain("Add", "sum");
    }

    @Override
    public String multiply(MultiplySpec multiply) {
        return chain("Mul", "product");
    }

    /** The sum divided by the count, as MergeKernel.average computes it. */
    @Override
    public String average(AverageSpec average) {
        String sum = chain("Add", "sum");
        return graph.node("Div", value("mean"), List.of(sum, scalar("count", inputs.size())));
    }

    /** The inputs combined pairwise in order: the order MergeKernel adds or multiplies them in. */
    private String chain(String op, String what) {
        String y = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            y = graph.node(op, value(what), List.of(y, inputs.get(i)));
        }
        return y;
    }

    /** Lamina's axis counts as Keras', the batch being 0; ONNX's counts the batch too. */
    @Override
    public String concatenate(ConcatenateSpec concatenate) {
        int axis = concatenate.index(inputShape().rank()) + 1;
        return graph.node("Concat", value("concat"), inputs, integer("axis", axis));
    }

    @Override
    public String globalPool2D(GlobalPool2DSpec pool) {
        String op = pool.pooling() == Pooling.MAX ? "ReduceMax" : "ReduceMean";
        // Over height and width of (batch, height, width, channels); opset 13 takes the axes as an attribute.
        return graph.node(op, value(op.toLowerCase()), List.of(input()), ints("axes", 1, 2), integer("keepdims", 0));
    }

    @Override
    public String activationLayer(ActivationLayerSpec activation) {
        return activate(activation.activation(), input());
    }

    /**
     * Inference with the moving statistics, as BatchNormKernel: (x - mean) · (gamma / sqrt(variance +
     * epsilon)) + beta, the scale precomputed in double; per channel, the last axis.
     */
    @Override
    public String batchNormalization(BatchNormalizationSpec batchNormalization) {
        double[] mean = weights.doubles(layer.name(), "moving_mean");
        double[] variance = weights.doubles(layer.name(), "moving_variance");
        double[] gamma = batchNormalization.scale() ? weights.doubles(layer.name(), "gamma") : null;
        double[] scale = new double[variance.length];
        for (int c = 0; c < scale.length; c++) {
            scale[c] = 1 / Math.sqrt(variance[c] + batchNormalization.epsilon()) * (gamma == null ? 1 : gamma[c]);
        }
        String centered = graph.node("Sub", value("centered"), List.of(input(), vector("moving_mean", mean)));
        String y = graph.node("Mul", value("scaled"), List.of(centered, vector("scale", scale)));
        if (batchNormalization.center()) {
            y = graph.node("Add", value("shifted"), List.of(y, weight("beta")));
        }
        return y;
    }

    /** (x - mean) / max(sqrt(variance), epsilon), feature by feature, as NormalizationKernel; count is not needed. */
    @Override
    public String normalization(NormalizationSpec normalization) {
        double[] mean = weights.doubles(layer.name(), "mean");
        double[] variance = weights.doubles(layer.name(), "variance");
        weights.markUsed(layer.name(), "count");
        double[] deviation = new double[variance.length];
        for (int i = 0; i < deviation.length; i++) {
            deviation[i] = Math.max(Math.sqrt(variance[i]), NormalizationSpec.EPSILON);
        }
        String centered = graph.node("Sub", value("centered"), List.of(input(), vector("mean", mean)));
        return graph.node("Div", value("standardized"), List.of(centered, vector("deviation", deviation)));
    }

    /** x · scale + offset, as RescalingKernel. */
    @Override
    public String rescaling(RescalingSpec rescaling) {
        String scaled = graph.node("Mul", value("scaled"), List.of(input(), scalar("scale", rescaling.scale())));
        return graph.node("Add", value("shifted"), List.of(scaled, scalar("offset", rescaling.offset())));
    }

    // The random image layers draw only in training: in predict they pass their input through.

    @Override
    public String randomFlip(RandomFlipSpec flip) {
        return input();
    }

    @Override
    public String randomTranslation(RandomTranslationSpec translation) {
        return input();
    }

    @Override
    public String randomRotation(RandomRotationSpec rotation) {
        return input();
    }

    @Override
    public String randomZoom(RandomZoomSpec zoom) {
        return input();
    }
}
