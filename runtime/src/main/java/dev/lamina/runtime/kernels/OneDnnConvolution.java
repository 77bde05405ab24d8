package dev.lamina.runtime.kernels;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import java.util.Map;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One Conv2D layer's convolution as oneDNN primitives made once per batch size and thread count
 * and kept: the forward pass with its bias and ReLU fused in (post-ops), the input's gradient (not
 * for a layer whose input needs none), and the kernel's and bias's gradients. Each primitive
 * computes in the memory layout it chose for the layer's shapes (a blocked one), read from and
 * written to ND4J's channels-last arrays by reorders kept with it; where two primitives read the
 * same array in the same layout, the second reads the first's copy. ND4J's {@code conv2d} and
 * {@code conv2d_bp} build their primitives and reorders again on every call (docs/performance.md
 * has the figures). An instance belongs to one layer of one network, used by one thread at a time,
 * as the network's arrays are.
 */
final class OneDnnConvolution {
    private final Window2D window;
    private final Shape input;
    private final Shape output;
    private final stream stream = new stream(OneDnn.engine());
    private final Map<PlanKey, Plan> plans = OneDnn.keptPlans();

    /**
     * What a plan's primitives are made for. The thread count too: a primitive splits its work for the
     * threads of the thread that made it and runs on as many whatever the caller's count later (oneDNN
     * asks OpenMP for them by number), so a plan made on 2 threads kept a busy core's thread waiting
     * after fit had chosen 1 (MnistCnn's epochs beside a busy process: 37-44 s, against 16-17 s).
     */
    private record PlanKey(long batch, boolean hasBias, boolean relu, int threads) {
    }

    /** For a layer with {@code window} from {@code input} (height, width, channels) to {@code output} (height', width', filters). */
    OneDnnConvolution(Window2D window, Shape input, Shape output) {
        this.window = window;
        this.input = input;
        this.output = output;
    }

    /**
     * Writes {@code conv2d(x, kernel) + bias} into {@code y}, its ReLU applied too when
     * {@code activation} is RELU; any other activation is applied after, by {@link Activations}.
     */
    void forward(INDArray x, INDArray kernel, INDArray bias, Activation activation, INDArray y) {
        boolean relu = activation == Activation.RELU;
        plan(new PlanKey(x.size(0), bias != null, relu, NativeThreads.get())).forward(x, kernel, bias, y);
        if (!relu) {
            Activations.forward(activation, y);
        }
    }

    /** From {@code dz}, the gradient of the pre-activation, the gradients of the kernel, the bias (if any) and the input. */
    void backward(INDArray x, INDArray kernel, INDArray bias, INDArray dz, INDArray kernelGradient,
                  INDArray biasGradient, INDArray inputGradient) {
        // The backward primitives depend on the forward's only through its layouts, which fusing
        // the ReLU does not change; a layer passes one activation for all its calls.
        int threads = NativeThreads.get();
        Plan plan = plans.get(new PlanKey(x.size(0), bias != null, true, threads));
        if (plan == null) {
            plan = plan(new PlanKey(x.size(0), bias != null, false, threads));
        }
        plan.backward(x, kernel, dz, kernelGradient, biasGradient, inputGradient);
    }

    /** How many plans are kept (for the test that a thread count gets its own). */
    int plans() {
        return plans.size();
    }

    private Plan plan(PlanKey key) {
        return plans.computeIfAbsent(key, Plan::new);
    }

    /** The primitives and memories of one {@link PlanKey}; the backward ones are made on the first backward pass. */
    private final class Plan {
        private final long[] sourceDims;
        private final long[] kernelDims;
        private final long[] destinationDims;
        private final memory.desc source;
        private final memory.desc kernel;
        private final memory.desc bias;
        private final memory.desc destination;
        private final long[] strides;
        private final long[] paddingBefore;
        private final long[] paddingAfter;
        private final convolution_forward.primitive_desc forwardDescription;
        private final convolution_forward forward;
        private final Operand forwardSource;
        private final Operand forwardKernel;
        private final Operand forwardBias;
        private final Operand forwardDestination;
        private final IntMemoryMap forwardArguments = new IntMemoryMap();
        /** The input of the last forward pass, whose values {@link #forwardSource} holds in its primitive's layout. */
        private INDArray lastSource;
        private Backward backward;

        Plan(PlanKey key) {
            long batch = key.batch();
            boolean hasBias = key.hasBias();
            // oneDNN names dimensions (batch, channels, height, width) whatever their layout in memory.
            sourceDims = new long[] {batch, input.dim(2), input.dim(0), input.dim(1)};
            kernelDims = new long[] {output.dim(2), input.dim(2), window.height(), window.width()};
            destinationDims = new long[] {batch, output.dim(2), output.dim(0), output.dim(1)};
            source = OneDnn.floats(sourceDims, memory.format_tag.nhwc);
            // Lamina's kernels are (height, width, in, out): oneDNN's weights (out, in, height, width) laid out as hwio.
            kernel = OneDnn.floats(kernelDims, memory.format_tag.hwio);
            bias = hasBias ? OneDnn.floats(new long[] {output.dim(2)}, memory.format_tag.a) : null;
            destination = OneDnn.floats(destinationDims, memory.format_tag.nhwc);
            strides = new long[] {window.strideHeight(), window.strideWidth()};
            paddingBefore = OneDnn.paddingBefore(window, input);
            paddingAfter = OneDnn.paddingAfter(window, input, output);

            primitive_attr attributes = new primitive_attr();
            if (key.relu()) {
                post_ops fused = new post_ops();
                fused.append_eltwise(dnnl.algorithm.eltwise_relu, 0f, 0f);
                attributes.set_post_ops(fused);
            }
            forwardDescription = hasBias
                    ? new convolution_forward.primitive_desc(OneDnn.engine(), dnnl.prop_kind.forward_training,
                            dnnl.algorithm.convolution_direct, chosen(sourceDims), chosen(kernelDims), bias,
                            chosen(destinationDims), strides, paddingBefore, paddingAfter, attributes, false)
                    : new convolution_forward.primitive_desc(OneDnn.engine(), dnnl.prop_kind.forward_training,
                            dnnl.algorithm.convolution_direct, chosen(sourceDims), chosen(kernelDims),
                            chosen(destinationDims), strides, paddingBefore, paddingAfter, attributes, false);
            forward = new convolution_forward(forwardDescription);
            forwardSource = new Operand(source, forwardDescription.src_desc(), dnnl.DNNL_ARG_SRC, forwardArguments);
            forwardKernel = new Operand(kernel, forwardDescription.weights_desc(), dnnl.DNNL_ARG_WEIGHTS,
                    forwardArguments);
            forwardBias = hasBias ? new Operand(bias, bias, dnnl.DNNL_ARG_BIAS, forwardArguments) : null;
            forwardDestination = new Operand(destination, forwardDescription.dst_desc(), dnnl.DNNL_ARG_DST,
                    forwardArguments);
        }

        void forward(INDArray x, INDArray kernelValues, INDArray biasValues, INDArray y) {
            forwardSource.read(x, stream);
            forwardKernel.read(kernelValues, stream);
            if (forwardBias != null) {
                forwardBias.read(biasValues, stream);
            }
            lastSource = x;
            forwardDestination.bind(y);
            forward.execute(stream, forwardArguments);
            forwardDestination.write(stream);
            stream._wait();
        }

        void backward(INDArray x, INDArray kernelValues, INDArray dz, INDArray kernelGradient, INDArray biasGradient,
                      INDArray inputGradient) {
            if (backward == null) {
                backward = new Backward(this);
            }
            backward.run(x, kernelValues, dz, kernelGradient, biasGradient, inputGradient);
        }
    }

    /** The gradients' primitives, made with the forward's description as their hint, as oneDNN asks. */
    private final class Backward {
        private final convolution_backward_data data;
        private final Operand dataOutputGradient;
        private final Operand dataKernel;
        private final Operand dataInputGradient;
        private final IntMemoryMap dataArguments = new IntMemoryMap();
        private final convolution_backward_weights weights;
        private final Operand weightsSource;
        private final Operand weightsOutputGradient;
        private final Operand weightsKernelGradient;
        private final Operand weightsBiasGradient;
        private final IntMemoryMap weightsArguments = new IntMemoryMap();
        private final Plan plan;

        Backward(Plan plan) {
            convolution_backward_data.primitive_desc dataDescription = new convolution_backward_data.primitive_desc(
                    OneDnn.engine(), dnnl.algorithm.convolution_direct, chosen(plan.sourceDims), chosen(plan.kernelDims),
                    chosen(plan.destinationDims), plan.strides, plan.paddingBefore, plan.paddingAfter,
                    plan.forwardDescription);
            data = new convolution_backward_data(dataDescription);
            dataOutputGradient = new Operand(plan.destination, dataDescription.diff_dst_desc(), dnnl.DNNL_ARG_DIFF_DST,
                    dataArguments);
            dataKernel = new Operand(plan.kernel, dataDescription.weights_desc(), dnnl.DNNL_ARG_WEIGHTS, dataArguments);
            dataInputGradient = new Operand(plan.source, dataDescription.diff_src_desc(), dnnl.DNNL_ARG_DIFF_SRC,
                    dataArguments);

            convolution_backward_weights.primitive_desc weightsPrimitive = plan.bias != null
                    ? new convolution_backward_weights.primitive_desc(OneDnn.engine(), dnnl.algorithm.convolution_direct,
                            chosen(plan.sourceDims), chosen(plan.kernelDims), plan.bias, chosen(plan.destinationDims),
                            plan.strides, plan.paddingBefore, plan.paddingAfter, plan.forwardDescription)
                    : new convolution_backward_weights.primitive_desc(OneDnn.engine(), dnnl.algorithm.convolution_direct,
                            chosen(plan.sourceDims), chosen(plan.kernelDims), chosen(plan.destinationDims),
                            plan.strides, plan.paddingBefore, plan.paddingAfter, plan.forwardDescription);
            weights = new convolution_backward_weights(weightsPrimitive);
            // Where the kernel's gradient reads the input, or the output's gradient, in the layout the
            // forward pass or the input's gradient already brought it into, it reads that memory.
            weightsSource = plan.forwardSource.computesIn(weightsPrimitive.src_desc())
                    ? plan.forwardSource.lend(dnnl.DNNL_ARG_SRC, weightsArguments)
                    : new Operand(plan.source, weightsPrimitive.src_desc(), dnnl.DNNL_ARG_SRC, weightsArguments);
            weightsOutputGradient = dataOutputGradient.computesIn(weightsPrimitive.diff_dst_desc())
                    ? dataOutputGradient.lend(dnnl.DNNL_ARG_DIFF_DST, weightsArguments)
                    : new Operand(plan.destination, weightsPrimitive.diff_dst_desc(), dnnl.DNNL_ARG_DIFF_DST,
                            weightsArguments);
            this.plan = plan;
            weightsKernelGradient = new Operand(plan.kernel, weightsPrimitive.diff_weights_desc(),
                    dnnl.DNNL_ARG_DIFF_WEIGHTS, weightsArguments);
            weightsBiasGradient = plan.bias != null
                    ? new Operand(plan.bias, plan.bias, dnnl.DNNL_ARG_DIFF_BIAS, weightsArguments) : null;
        }

        void run(INDArray x, INDArray kernelValues, INDArray dz, INDArray kernelGradient, INDArray biasGradient,
                 INDArray inputGradient) {
            if (inputGradient != null) {
                dataOutputGradient.read(dz, stream);
                dataKernel.read(kernelValues, stream);
                dataInputGradient.bind(inputGradient);
                data.execute(stream, dataArguments);
                dataInputGradient.write(stream);
            }
            // The input read by the forward pass is this one (a layer's backward pass follows its
            // forward pass on the same input, which nothing changes in between).
            if (weightsSource != plan.forwardSource || plan.lastSource != x) {
                weightsSource.read(x, stream);
            }
            if (weightsOutputGradient != dataOutputGradient || inputGradient == null) {
                weightsOutputGradient.read(dz, stream);
            }
            weightsKernelGradient.bind(kernelGradient);
            if (weightsBiasGradient != null) {
                weightsBiasGradient.bind(biasGradient);
            }
            weights.execute(stream, weightsArguments);
            weightsKernelGradient.write(stream);
            stream._wait();
        }
    }

    /**
     * One array a primitive reads or writes: a memory over the ND4J array's values in Lamina's layout
     * and, when the primitive computes in another, a memory of its own in that one with the reorder
     * between the two.
     */
    private static final class Operand {
        private final memory array;
        private final memory inner;
        private final reorder toInner;
        private final reorder fromInner;

        Operand(memory.desc arrayLayout, memory.desc innerLayout, int argument, IntMemoryMap arguments) {
            array = new memory(arrayLayout, OneDnn.engine(), null);
            if (innerLayout.equals(arrayLayout)) {
                inner = array;
                toInner = null;
                fromInner = null;
            } else {
                inner = new memory(innerLayout, OneDnn.engine());
                toInner = new reorder(array, inner);
                fromInner = new reorder(inner, array);
            }
            arguments.put(argument, inner);
        }

        /** Whether its primitive computes in {@code layout}. */
        boolean computesIn(memory.desc layout) {
            return inner.get_desc().equals(layout);
        }

        /** This operand, its memory in its primitive's layout also another primitive's {@code argument}. */
        Operand lend(int argument, IntMemoryMap arguments) {
            arguments.put(argument, inner);
            return this;
        }

        /** Points at {@code values}, which the primitive will write (through {@link #write} if it has its own layout). */
        void bind(INDArray values) {
            array.set_data_handle(OneDnn.valuesOf(values));
        }

        /** Points at {@code values} and brings them into the primitive's layout. */
        void read(INDArray values, stream stream) {
            bind(values);
            if (toInner != null) {
                toInner.execute(stream, array, inner);
            }
        }

        /** Brings what the primitive wrote back into the array last bound. */
        void write(stream stream) {
            if (fromInner != null) {
                fromInner.execute(stream, inner, array);
            }
        }
    }

    /** A description of {@code dims} whose layout the primitive chooses ("any"). */
    private static memory.desc chosen(long[] dims) {
        return OneDnn.floats(dims, memory.format_tag.any);
    }
}
