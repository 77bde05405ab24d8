package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import java.util.Map;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One pooling layer as oneDNN primitives made once per batch size and thread count and kept, on ND4J's channels-last
 * arrays as they are (oneDNN pools that layout natively). Max pooling's forward pass keeps where each
 * maximum was (oneDNN's workspace), so its backward pass only routes the gradient there: ND4J's
 * {@code maxpool2d_bp} runs the forward pass again to find them. An instance belongs to one layer of
 * one network, used by one thread at a time, as the network's arrays are.
 */
final class OneDnnPooling {
    /** oneDNN's dilation of a window, 0 for none: Keras' pools have none. */
    private static final long[] NO_DILATION = {0, 0};

    private final Pooling pooling;
    private final Window2D window;
    private final Shape input;
    private final Shape output;
    private final stream stream = new stream(OneDnn.engine());
    private final Map<PlanKey, Plan> plans = OneDnn.keptPlans();

    OneDnnPooling(Pooling pooling, Window2D window, Shape input, Shape output) {
        this.pooling = pooling;
        this.window = window;
        this.input = input;
        this.output = output;
    }

    /** Pools {@code x} into {@code y}, keeping where the maxima were if {@code training}. */
    void forward(INDArray x, INDArray y, boolean training) {
        long batch = x.size(0);
        plans.computeIfAbsent(new PlanKey(batch, NativeThreads.get(), training), key -> new Plan(batch, training))
                .forward(x, y);
    }

    /**
     * Writes the gradient of the input {@code x} from {@code dy}, the output's, and returns true;
     * false, writing nothing, if this needs the positions of the maxima of a training forward pass
     * on {@code x} that was not this layer's last of its batch size on as many threads.
     */
    boolean backward(INDArray x, INDArray dy, INDArray dx) {
        Plan plan = plans.get(new PlanKey(x.size(0), NativeThreads.get(), true));
        return plan != null && plan.backward(x, dy, dx);
    }

    /**
     * What a plan's primitives are made for: the thread count as a convolution's (see
     * OneDnnConvolution), and whether a backward pass follows. Max pooling's forward pass took 0.77 to
     * 0.97 ms keeping where its maxima were and 0.22 to 0.28 ms without (MnistCnn's first pool, batch
     * 64, caches evicted; ND4J's op 0.42 to 0.60 ms), so inference runs a primitive that does not.
     */
    private record PlanKey(long batch, int threads, boolean training) {
    }

    private final class Plan {
        private final memory source;
        private final memory destination;
        private final memory workspace;
        private final pooling_forward.primitive_desc forwardDescription;
        private final pooling_forward forward;
        private final IntMemoryMap forwardArguments = new IntMemoryMap();
        private final memory.desc sourceLayout;
        private final memory.desc destinationLayout;
        private final long[] strides;
        private final long[] kernel;
        private final long[] paddingBefore;
        private final long[] paddingAfter;
        /** The input of the last forward pass, whose maxima's positions {@link #workspace} holds. */
        private INDArray lastSource;
        private Backward backward;

        Plan(long batch, boolean training) {
            // oneDNN names dimensions (batch, channels, height, width) whatever their layout in memory.
            sourceLayout = OneDnn.floats(new long[] {batch, input.dim(2), input.dim(0), input.dim(1)},
                    memory.format_tag.nhwc);
            destinationLayout = OneDnn.floats(new long[] {batch, output.dim(2), output.dim(0), output.dim(1)},
                    memory.format_tag.nhwc);
            strides = new long[] {window.strideHeight(), window.strideWidth()};
            kernel = new long[] {window.height(), window.width()};
            paddingBefore = OneDnn.paddingBefore(window, input);
            paddingAfter = OneDnn.paddingAfter(window, input, output);
            forwardDescription = new pooling_forward.primitive_desc(OneDnn.engine(),
                    training ? dnnl.prop_kind.forward_training : dnnl.prop_kind.forward_inference, algorithm(),
                    sourceLayout, destinationLayout, strides, kernel, NO_DILATION, paddingBefore, paddingAfter);
            forward = new pooling_forward(forwardDescription);
            source = new memory(sourceLayout, OneDnn.engine(), null);
            destination = new memory(destinationLayout, OneDnn.engine(), null);
            forwardArguments.put(dnnl.DNNL_ARG_SRC, source);
            forwardArguments.put(dnnl.DNNL_ARG_DST, destination);
            if (pooling == Pooling.MAX && training) {
                workspace = new memory(forwardDescription.workspace_desc(), OneDnn.engine());
                forwardArguments.put(dnnl.DNNL_ARG_WORKSPACE, workspace);
            } else {
                workspace = null;
            }
        }

        void forward(INDArray x, INDArray y) {
            source.set_data_handle(OneDnn.valuesOf(x));
            destination.set_data_handle(OneDnn.valuesOf(y));
            forward.execute(stream, forwardArguments);
            stream._wait();
            lastSource = x;
        }

        boolean backward(INDArray x, INDArray dy, INDArray dx) {
            if (workspace != null && lastSource != x) {
                return false;
            }
            if (backward == null) {
                backward = new Backward(this);
            }
            backward.run(dy, dx);
            return true;
        }

        private dnnl.algorithm algorithm() {
            // Keras (TensorFlow) averages over the cells inside the image, as libnd4j's divisor mode 0 does.
            return pooling == Pooling.MAX ? dnnl.algorithm.pooling_max : dnnl.algorithm.pooling_avg_exclude_padding;
        }
    }

    /** The backward primitive, made with the forward's description as its hint, as oneDNN asks. */
    private final class Backward {
        private final pooling_backward primitive;
        private final memory outputGradient;
        private final memory inputGradient;
        private final IntMemoryMap arguments = new IntMemoryMap();

        Backward(Plan plan) {
            primitive = new pooling_backward(new pooling_backward.primitive_desc(OneDnn.engine(), plan.algorithm(),
                    plan.sourceLayout, plan.destinationLayout, plan.strides, plan.kernel, NO_DILATION, plan.paddingBefore,
                    plan.paddingAfter, plan.forwardDescription));
            outputGradient = new memory(plan.destinationLayout, OneDnn.engine(), null);
            inputGradient = new memory(plan.sourceLayout, OneDnn.engine(), null);
            arguments.put(dnnl.DNNL_ARG_DIFF_DST, outputGradient);
            arguments.put(dnnl.DNNL_ARG_DIFF_SRC, inputGradient);
            if (plan.workspace != null) {
                arguments.put(dnnl.DNNL_ARG_WORKSPACE, plan.workspace);
            }
        }

        void run(INDArray dy, INDArray dx) {
            outputGradient.set_data_handle(OneDnn.valuesOf(dy));
            inputGradient.set_data_handle(OneDnn.valuesOf(dx));
            primitive.execute(stream, arguments);
            stream._wait();
        }
    }
}
