package dev.lamina.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VectorCapTest {
    @AfterEach
    void clearTheCap() {
        System.clearProperty(VectorCap.PROPERTY);
    }

    @Test
    void nativeLeavesTheEnvironmentAndTheJvmAsTheyAre() {
        Map<String, String> environment = new HashMap<>(Map.of("OPENBLAS_CORETYPE", "SkylakeX"));
        VectorCap.environment(environment);
        assertEquals(Map.of("OPENBLAS_CORETYPE", "SkylakeX"), environment);
        assertEquals(List.of(), VectorCap.jvmOptions());
    }

    @Test
    void avx2SetsEveryLibrarysSwitch() {
        System.setProperty(VectorCap.PROPERTY, "AVX2");
        Map<String, String> environment = new HashMap<>();
        VectorCap.environment(environment);
        assertEquals(Map.of("DNNL_MAX_CPU_ISA", "AVX2", "ONEDNN_MAX_CPU_ISA", "AVX2", "OPENBLAS_CORETYPE", "Haswell",
                "ATEN_CPU_CAPABILITY", "avx2"), environment);
        assertEquals(List.of("-XX:UseAVX=2"), VectorCap.jvmOptions());
    }

    @Test
    void anUnknownCapIsRefusedWithTheChoices() {
        System.setProperty(VectorCap.PROPERTY, "avx512");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, VectorCap::chosen);
        assertEquals("-Dlamina.bench.isa=avx512 is not a cap the benchmark knows; the choices are native and avx2",
                refused.getMessage());
    }

    /** An engine's JVM started under the cap: oneDNN reports AVX2 kernels, and ND4J's gemm still runs. */
    @Test
    void anEnginesJvmUnderTheCapRunsOneDnnsAvx2Kernels() throws IOException, InterruptedException {
        assumeTrue((" " + CpuInfo.field("flags") + " ").contains(" avx2 "), "a CPU without AVX2");
        System.setProperty(VectorCap.PROPERTY, "avx2");
        List<String> command = EngineClient.jvm();
        command.add("--gemm");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        EngineClient.engineEnvironment(builder.environment());
        Process server = builder.start();
        String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(server.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, server.exitValue(), output);
        assertTrue(output.contains("oneDNN's instructions in the JVM engines: avx2\n"), output);
        String rate = output.substring(output.lastIndexOf(EngineServer.ANSWER) + EngineServer.ANSWER.length()).trim();
        assertTrue(Double.parseDouble(rate) > 1e9, output);
    }
}
