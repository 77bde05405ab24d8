package dev.lamina.runtime.kernels;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's custom ops run with the op and its native context made once per thread and set of arrays,
 * and kept for the next call with the same arrays: the matrix products of Dense layers and of the
 * convolutions computed as gemms ({@link #matmul}).
 *
 * <p>Why: {@code Nd4j.exec} and {@code Nd4j.gemm} build an op and a native {@code OpContext} on every
 * call, with their arguments' shape buffers and a deallocator; with both kept, a matmul cost 15-25 us
 * less (medians of 3,000 alternated calls: 1x784x512 50.6-56.9 us against 30.7-36.7, 128x512x10
 * 29.7-43.1 against 21.3-29.9, 64x576x64 44.5-56.7 against 33.7-43.0, 128x784x512 582-694 against
 * 536-630). A network's arrays stay the same objects from step to step and request to request, so its
 * calls find their contexts again; the first input (a request's input, a view of a batch) is set on
 * each call and may be another array of the same shape. Off the CPU backend {@code Nd4j.gemm} runs
 * as before. Not for ND4J's conv2d and pooling ops: in kept contexts MnistCnn's epoch
 * was slower (1.50-1.98 s against 1.43-1.54 s on 6,000 images, JVMs alternated; why was not found).
 *
 * <p>Each thread keeps at most {@value #KEPT} contexts, the least recently used dropped first (ND4J's
 * deallocator frees a dropped one), and only one network's: a context holds its arrays, so the contexts
 * of a thread are dropped when it runs another network's pass ({@link #passOf}); a network no longer
 * used stays in memory only until its last thread runs another.
 */
public final class KeptOps {
    /** Contexts per thread: a training step of the reference models uses at most a dozen. */
    static final int KEPT = 32;

    private static final ThreadLocal<Map<Key, Call>> CALLS = ThreadLocal.withInitial(() -> LeastRecentlyUsed.map(KEPT));
    /** The network whose pass the calling thread runs, weakly: the contexts kept are its. */
    private static final ThreadLocal<WeakReference<Object>> OWNER = ThreadLocal.withInitial(() -> new WeakReference<>(null));

    private KeptOps() {
    }

    /**
     * Tells that the calls that follow on this thread are a pass of {@code network} (a network and
     * its replicas are one): the contexts kept for another network are dropped, so that they do not
     * keep its arrays in memory after it is gone (a fresh network per trial, per epoch of a benchmark).
     */
    public static void passOf(Object network) {
        WeakReference<Object> owner = OWNER.get();
        if (owner.get() != network) {
            CALLS.get().clear();
            OWNER.set(new WeakReference<>(network));
        }
    }

    /** {@code c = op(a) op(b)}, with {@code op} the transpose where asked; c, which must not be a view of scattered values, is written whole. */
    static void matmul(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB) {
        if (!Nd4j.getEnvironment().isCPU() || c.elementWiseStride() != 1) {
            // Other backends as before; a scattered output Nd4j.gemm refuses by name.
            Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
            return;
        }
        // libnd4j's matmul, as Nd4j.gemm's Mmul calls it: transposes of a, b and the result; alpha, beta.
        exec("matmul", new int[] {transposeA ? 1 : 0, transposeB ? 1 : 0, 0}, new double[] {1.0, 0.0},
                new INDArray[] {a, b}, c);
    }

    /**
     * The custom op {@code name} with these integer and floating-point arguments, from {@code inputs}
     * into {@code outputs}, in its kept context: on the CPU backend, which its callers check.
     */
    static void exec(String name, int[] integers, double[] floats, INDArray[] inputs, INDArray... outputs) {
        Map<Key, Call> calls = CALLS.get();
        Key key = new Key(name, integers, floats, Arrays.copyOfRange(inputs, 1, inputs.length), outputs);
        Call call = calls.get(key);
        if (call != null && call.takes(inputs[0])) {
            call.context.setInputArray(0, inputs[0]);
        } else {
            call = new Call(op(name, integers, floats, inputs, outputs), integers, floats, inputs, outputs);
            calls.put(key, call);
        }
        Nd4j.getExecutioner().exec(call.op, call.context);
    }

    /** The number of contexts the calling thread keeps now. */
    static int keptByThisThread() {
        return CALLS.get().size();
    }

    private static DynamicCustomOp op(String name, int[] integers, double[] floats, INDArray[] inputs, INDArray[] outputs) {
        return DynamicCustomOp.builder(name).addInputs(inputs).addOutputs(outputs).addIntegerArguments(integers)
                .addFloatingPointArguments(Arrays.stream(floats).boxed().toArray(Double[]::new)).build();
    }

    /** An op, its arguments, and its arrays but the first input, the arrays by identity: the same objects, not equal values. */
    private record Key(String name, int[] integers, double[] floats, INDArray[] laterInputs, INDArray[] outputs) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.name.equals(name) && Arrays.equals(key.integers, integers)
                    && Arrays.equals(key.floats, floats) && same(key.laterInputs, laterInputs) && same(key.outputs, outputs);
        }

        @Override
        public int hashCode() {
            int hash = 31 * name.hashCode() + Arrays.hashCode(integers);
            for (INDArray array : laterInputs) {
                hash = 31 * hash + System.identityHashCode(array);
            }
            for (INDArray array : outputs) {
                hash = 31 * hash + System.identityHashCode(array);
            }
            return hash;
        }

        private static boolean same(INDArray[] these, INDArray[] those) {
            if (these.length != those.length) {
                return false;
            }
            for (int i = 0; i < these.length; i++) {
                if (these[i] != those[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The op and its native context for one key and one shape of the first input. */
    private static final class Call {
        final DynamicCustomOp op;
        final OpContext context;
        final long[] firstShape;
        final Object firstType;

        Call(DynamicCustomOp op, int[] integers, double[] floats, INDArray[] inputs, INDArray[] outputs) {
            this.op = op;
            context = Nd4j.getExecutioner().buildContext();
            context.setInputArrays(inputs);
            context.setOutputArrays(outputs);
            context.setIArguments(Arrays.stream(integers).asLongStream().toArray());
            context.setTArguments(floats);
            firstShape = inputs[0].shape();
            firstType = inputs[0].dataType();
        }

        /** Whether a first input of {@code first}'s shape and type runs in this context. */
        boolean takes(INDArray first) {
            return first.dataType() == firstType && Arrays.equals(first.shape(), firstShape);
        }
    }
}
