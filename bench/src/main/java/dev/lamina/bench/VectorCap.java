package dev.lamina.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The widest vector instructions every engine's kernels may use, so that one machine can measure what
 * another kind would: this project's machines have AVX-512 or only AVX2, and their kernels differ.
 * {@code -Dlamina.bench.isa=avx2} caps every engine's process at AVX2 through the switch each library
 * reads when it loads; {@code native} (the default) leaves each to the CPU. The switches, each checked
 * on this project's AVX-512 machine:
 * <ul>
 *   <li>{@code DNNL_MAX_CPU_ISA}: the oneDNN 2.3 inside libnd4j, which does ND4J's gemm (2048^3 at 122
 *       GFLOP/s capped against 230), reads this name only; Lamina's own oneDNN and PyTorch's read it too;
 *   <li>{@code ONEDNN_MAX_CPU_ISA}: the newer name, for oneDNN versions that drop the old one;
 *   <li>{@code OPENBLAS_CORETYPE}: PyTorch's gemm (its engine picks SkylakeX's kernels otherwise);
 *   <li>{@code ATEN_CPU_CAPABILITY}: PyTorch's own element-wise kernels;
 *   <li>{@code -XX:UseAVX=2}: the loops the JVMs' compiler vectorizes.
 * </ul>
 * What it does not change: the caches, the memory, the clock, so figures capped here are a check of
 * the AVX2 kernels' code, not of an AVX2 machine's speed.
 */
final class VectorCap {
    static final String PROPERTY = "lamina.bench.isa";
    private static final String NATIVE = "native";
    private static final String AVX2 = "avx2";

    private VectorCap() {
    }

    /** "native" or "avx2", from {@code -Dlamina.bench.isa}; anything else is refused with the choices. */
    static String chosen() {
        String value = System.getProperty(PROPERTY, NATIVE).trim().toLowerCase(Locale.ROOT);
        if (!value.equals(NATIVE) && !value.equals(AVX2)) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + System.getProperty(PROPERTY)
                    + " is not a cap the benchmark knows; the choices are " + NATIVE + " and " + AVX2);
        }
        return value;
    }

    /** Sets in {@code environment} the variables of {@link #chosen()}'s cap (none for "native"). */
    static void environment(Map<String, String> environment) {
        if (chosen().equals(AVX2)) {
            environment.put("DNNL_MAX_CPU_ISA", "AVX2");
            environment.put("ONEDNN_MAX_CPU_ISA", "AVX2");
            environment.put("OPENBLAS_CORETYPE", "Haswell");
            environment.put("ATEN_CPU_CAPABILITY", "avx2");
        }
    }

    /** The JVM options of {@link #chosen()}'s cap, for an engine's JVM. */
    static List<String> jvmOptions() {
        return chosen().equals(AVX2) ? List.of("-XX:UseAVX=2") : List.of();
    }

    /** For the benchmark's header. */
    static String describe() {
        return chosen().equals(AVX2)
                ? "AVX2 at most (-D" + PROPERTY + "=avx2: DNNL_MAX_CPU_ISA and ONEDNN_MAX_CPU_ISA=AVX2,"
                        + " OPENBLAS_CORETYPE=Haswell, ATEN_CPU_CAPABILITY=avx2, -XX:UseAVX=2)"
                : "all the CPU has (-D" + PROPERTY + "=avx2 caps them at AVX2)";
    }
}
