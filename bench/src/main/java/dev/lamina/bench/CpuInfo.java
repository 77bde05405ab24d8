package dev.lamina.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU's description from /proc/cpuinfo, printed beside every timing: the gemm rate depends on it. */
final class CpuInfo {
    private CpuInfo() {
    }

    /** The first value of {@code key} ("model name", "flags"), or "unknown" where there is none. */
    static String field(String key) throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.exists(cpuinfo)) {
            return "unknown";
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown");
        }
    }

    /** "model, avx2 fma avx512f, 2 cores": the model, its vector extensions among those, and the cores Java sees. */
    static String describe() {
        try {
            String flags = " " + field("flags") + " ";
            StringBuilder simd = new StringBuilder();
            for (String flag : new String[] {"avx2", "fma", "avx512f"}) {
                if (flags.contains(" " + flag + " ")) {
                    simd.append(' ').append(flag);
                }
            }
            return field("model name") + "," + simd + ", " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
