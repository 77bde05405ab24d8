package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import java.lang.ref.WeakReference;
import java.util.Map;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.inner_product_forward;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A request's Dense layer (at most {@value #MAX_ROWS} rows) as oneDNN's inner product, with the bias
 * and the activation fused in (but softmax and ReLU, which follow it in Java: softmax works across a
 * row, and oneDNN's ReLU, a maximum, turns a NaN into 0 where Keras' keeps it), on the network's
 * arrays as they are: the kernel (inputs, units) is the primitive's weights in their
 * transposed plain layout, so nothing is copied and a weight changed by training is read as it is.
 *
 * <p>Why: MnistMlp's 1x784x512 layer took 34-43 us through ND4J's gemm on two threads and 79-80 on one,
 * 20-26 and 48 us here; its 1x512x10 layer 7-17 us in {@link SmallDenseProduct}'s loop, 2.5-6 here
 * (medians of 5,000 calls, on oneDNN 2.5.2). Training batches keep ND4J's gemm (see {@link DenseKernel#forward}); on
 * one thread, as under load, 128x784x512 took 1,020 us here against its 780.
 *
 * <p>The plans (a primitive and its memories, made in about a millisecond) are kept per thread, by
 * shape, activation and thread count, as a oneDNN primitive runs on the thread count it was made on.
 */
final class OneDnnDense {
    /** The most rows taken: a request's (as many as {@code predict} tunes threads for), not a training batch's. */
    static final long MAX_ROWS = 32;
    /** Plans a thread keeps: a network's layers for a batch size or two, on one or two thread counts. */
    private static final int KEPT = 16;
    private static final ThreadLocal<Map<PlanKey, Plan>> PLANS = ThreadLocal.withInitial(() -> LeastRecentlyUsed.map(KEPT));

    private OneDnnDense() {
    }

    /** Whether this product is this class's: a request's rows, float32 arrays in host memory, shapes that fit. */
    static boolean takes(INDArray x, INDArray kernel, INDArray bias, INDArray y) {
        if (x.rank() != 2 || kernel.rank() != 2 || y.rank() != 2 || x.size(0) > MAX_ROWS || x.size(0) == 0) {
            return false;
        }
        boolean fits = x.size(1) == kernel.size(0) && y.size(0) == x.size(0) && y.size(1) == kernel.size(1)
                && (bias == null || bias.length() == kernel.size(1));
        return fits && OneDnn.runsOn(x, kernel, bias, y);
    }

    /** {@code y = activation(x kernel + bias)}; {@code bias} may be null. */
    static void forward(INDArray x, INDArray kernel, INDArray bias, Activation activation, INDArray y) {
        PlanKey key = new PlanKey(x.size(0), x.size(1), kernel.size(1), bias != null, activation, NativeThreads.get());
        PLANS.get().computeIfAbsent(key, Plan::new).run(x, kernel, bias, y);
        if (Eltwise.of(activation) == null && activation != Activation.LINEAR) {
            BiasActivation.apply(y, null, activation);
        }
    }

    /** The plans the calling thread keeps (for tests). */
    static int plansOfThisThread() {
        return PLANS.get().size();
    }

    private record PlanKey(long rows, long inputs, long units, boolean bias, Activation activation, int threads) {
    }

    private static final class Plan {
        private final inner_product_forward primitive;
        private final stream stream = new stream(OneDnn.engine());
        private final Bound source;
        private final Bound weights;
        private final Bound bias;
        private final Bound destination;
        private final IntMemoryMap arguments = new IntMemoryMap();

        Plan(PlanKey key) {
            // oneDNN names the weights (units, inputs); the kernel holds them inputs first: layout "ba".
            memory.desc sourceLayout = OneDnn.floats(new long[] {key.rows(), key.inputs()}, memory.format_tag.ab);
            memory.desc weightsLayout = OneDnn.floats(new long[] {key.units(), key.inputs()}, memory.format_tag.ba);
            memory.desc biasLayout = OneDnn.floats(new long[] {key.units()}, memory.format_tag.a);
            memory.desc destinationLayout = OneDnn.floats(new long[] {key.rows(), key.units()}, memory.format_tag.ab);
            primitive_attr attributes = attributes(key.activation());
            primitive = new inner_product_forward(key.bias()
                    ? new inner_product_forward.primitive_desc(OneDnn.engine(), dnnl.prop_kind.forward_inference,
                            sourceLayout, weightsLayout, biasLayout, destinationLayout, attributes, false)
                    : new inner_product_forward.primitive_desc(OneDnn.engine(), dnnl.prop_kind.forward_inference,
                            sourceLayout, weightsLayout, destinationLayout, attributes, false));
            source = new Bound(sourceLayout, dnnl.DNNL_ARG_SRC, arguments);
            weights = new Bound(weightsLayout, dnnl.DNNL_ARG_WEIGHTS, arguments);
            destination = new Bound(destinationLayout, dnnl.DNNL_ARG_DST, arguments);
            bias = key.bias() ? new Bound(biasLayout, dnnl.DNNL_ARG_BIAS, arguments) : null;
        }

        void run(INDArray x, INDArray kernel, INDArray biasValues, INDArray y) {
            source.bind(x);
            weights.bind(kernel);
            if (bias != null) {
                bias.bind(biasValues);
            }
            destination.bind(y);
            primitive.execute(stream, arguments);
            stream._wait();
        }
    }

    /**
     * A primitive's memory on an array's values, set again only for another array: a network's kernel,
     * bias and output are the same arrays call after call, and so is a request's input where its
     * replica copies it ({@code RequestInput}); an array's values never move. The array is held
     * weakly, so a kept plan keeps no network's arrays alive.
     */
    private static final class Bound {
        private final memory memory;
        private WeakReference<INDArray> array = new WeakReference<>(null);

        Bound(memory.desc layout, int argument, IntMemoryMap arguments) {
            memory = new memory(layout, OneDnn.engine(), null);
            arguments.put(argument, memory);
        }

        void bind(INDArray values) {
            if (array.get() != values) {
                memory.set_data_handle(OneDnn.valuesOf(values));
                array = new WeakReference<>(values);
            }
        }
    }

    /** The activation as a post-op of the product (with the bias added), where it is fused. */
    private static primitive_attr attributes(Activation activation) {
        primitive_attr attributes = new primitive_attr();
        Eltwise eltwise = Eltwise.of(activation);
        if (eltwise != null) {
            post_ops fused = new post_ops();
            fused.append_eltwise(eltwise.algorithm(), eltwise.alpha(), 0f);
            attributes.set_post_ops(fused);
        }
        return attributes;
    }

    /** oneDNN's element-wise function of an activation, and its parameter. */
    private record Eltwise(dnnl.algorithm algorithm, float alpha) {
        /** Null for the activations not fused: none (linear), softmax and ReLU. */
        static Eltwise of(Activation activation) {
            return switch (activation) {
                case LINEAR, SOFTMAX, RELU -> null;
                // With a slope, oneDNN's ReLU is x > 0 ? x : slope x, which keeps a NaN.
                case LEAKY_RELU -> new Eltwise(dnnl.algorithm.eltwise_relu, (float) Activation.LEAKY_RELU_SLOPE);
                case ELU -> new Eltwise(dnnl.algorithm.eltwise_elu, (float) Activation.ELU_ALPHA);
                case SIGMOID -> new Eltwise(dnnl.algorithm.eltwise_logistic, 0f);
                case TANH -> new Eltwise(dnnl.algorithm.eltwise_tanh, 0f);
            };
        }
    }
}
