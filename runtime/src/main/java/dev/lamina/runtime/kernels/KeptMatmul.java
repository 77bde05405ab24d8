package dev.lamina.runtime.kernels;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's matrix product {@code c = op(a) op(b)} with its op and native context made once per thread,
 * output and right-hand array, and kept for the next call with the same two arrays.
 *
 * <p>Why: {@code Nd4j.gemm} builds an {@code Mmul} op and a native {@code OpContext} on every call, its
 * arguments' shape buffers and a deallocator with them; with both kept, a call cost 15-25 us less
 * (medians of 3,000 alternated calls: 1x784x512 50.6-56.9 us against 30.7-36.7, 128x512x10 29.7-43.1
 * against 21.3-29.9, 64x576x64 44.5-56.7 against 33.7-43.0, 128x784x512 582-694 against 536-630). A
 * network's arrays stay the same objects from step to step and request to request, so the output and
 * the right-hand operand (a kernel, a layer's gradient) find their context again; the left operand (a
 * request's input, a view of a batch) is set on each call. Off the CPU backend, for a view as the output
 * (which {@code Nd4j.gemm} refuses by name) or a left operand of another shape than the kept one's,
 * {@code Nd4j.gemm} runs as before.
 *
 * <p>Each thread keeps at most {@value #KEPT} contexts, the least recently used dropped first: they hold
 * their arrays, so a network no longer used stays in memory until its contexts are pushed out.
 */
final class KeptMatmul {
    /** Contexts per thread: a training step of the reference models uses at most a dozen. */
    static final int KEPT = 32;

    private static final ThreadLocal<Map<Key, Call>> CALLS = ThreadLocal.withInitial(KeptMatmul::newCache);

    private KeptMatmul() {
    }

    /** {@code c = op(a) op(b)}, with {@code op} the transpose where asked; c is written whole. */
    static void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB) {
        if (!Nd4j.getEnvironment().isCPU() || c.elementWiseStride() != 1) {
            Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
            return;
        }
        Map<Key, Call> calls = CALLS.get();
        Key key = new Key(c, b, transposeA, transposeB);
        Call call = calls.get(key);
        if (call != null && call.takes(a)) {
            call.context.setInputArray(0, a);
        } else {
            // The context replaced (or pushed out below) is freed by ND4J's deallocator once unreachable.
            call = new Call(a, b, c, transposeA, transposeB);
            calls.put(key, call);
        }
        Nd4j.getExecutioner().exec(call.op, call.context);
    }

    /** The number of contexts the calling thread keeps now. */
    static int keptByThisThread() {
        return CALLS.get().size();
    }

    private static Map<Key, Call> newCache() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Call> eldest) {
                return size() > KEPT;
            }
        };
    }

    /** An output and right-hand operand, by identity: the same arrays, not equal values. */
    private record Key(INDArray c, INDArray b, boolean transposeA, boolean transposeB) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.c == c && key.b == b && key.transposeA == transposeA
                    && key.transposeB == transposeB;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(c) + System.identityHashCode(b) + (transposeA ? 2 : 0) + (transposeB ? 1 : 0);
        }
    }

    /** The op and its native context for one output, right-hand operand and shape of the left one. */
    private static final class Call {
        final Mmul op;
        final OpContext context;
        final long[] aShape;
        final Object aType;

        Call(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB) {
            op = new Mmul(a, b, c, 1.0, 0.0, MMulTranspose.builder().transposeA(transposeA).transposeB(transposeB).build());
            context = Nd4j.getExecutioner().buildContext();
            context.setInputArrays(a, b);
            context.setOutputArrays(c);
            context.setTArguments(1.0, 0.0);
            context.setIArguments(transposeA ? 1 : 0, transposeB ? 1 : 0, 0);
            aShape = a.shape();
            aType = a.dataType();
        }

        /** Whether a left operand of {@code a}'s shape and type runs in this context. */
        boolean takes(INDArray a) {
            return a.dataType() == aType && Arrays.equals(a.shape(), aShape);
        }
    }
}
