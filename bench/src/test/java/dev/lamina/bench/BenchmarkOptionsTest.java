package dev.lamina.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {
    @Test
    void withoutOptionsEveryModelRunsOnEveryEngine() {
        Benchmark.Options options = Benchmark.Options.parse();
        assertEquals(List.of(Workload.MLP, Workload.CNN, Workload.FASHION_CNN, Workload.TOY_RESNET), options.models());
        assertEquals(List.of("lamina", "dl4j", "pytorch"), options.engines());
        assertFalse(options.quick());
        assertFalse(options.memoryOnly());
    }

    @Test
    void modelsAndEnginesAreCommaSeparatedListsWithOrWithoutAnEqualsSign() {
        Benchmark.Options options = Benchmark.Options.parse("--models", "toy-resnet", "--engines=pytorch,lamina", "--quick");
        assertEquals(List.of(Workload.TOY_RESNET), options.models());
        // Always in the table's order, whatever the order asked.
        assertEquals(List.of("lamina", "pytorch"), options.engines());
        assertTrue(options.quick());
        assertEquals(List.of(Workload.CNN, Workload.MLP), Benchmark.Options.parse("--models=CNN,mlp").models());
    }

    @Test
    void theOldOptionsStillPickOneModel() {
        assertEquals(List.of(Workload.MLP), Benchmark.Options.parse("--mlp-only").models());
        assertEquals(List.of(Workload.CNN), Benchmark.Options.parse("--cnn-only", "--quick").models());
        assertTrue(Benchmark.Options.parse("--memory-only").memoryOnly());
    }

    @Test
    void unknownModelsEnginesAndOptionsAreRefusedWithTheChoices() {
        IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
                () -> Benchmark.Options.parse("--models", "resnet"));
        assertEquals("no model 'resnet'; the models are mlp, cnn, fashion-cnn, toy-resnet", model.getMessage());
        IllegalArgumentException engine = assertThrows(IllegalArgumentException.class,
                () -> Benchmark.Options.parse("--engines=tensorflow"));
        assertEquals("no engine 'tensorflow'; the engines are lamina, dl4j, pytorch", engine.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Benchmark.Options.parse("--fast"));
        assertThrows(IllegalArgumentException.class, () -> Benchmark.Options.parse("--models"));
    }

    @Test
    void theFashionMnistModelsHaveFewerEpochsAndNoDl4j() {
        for (Workload model : List.of(Workload.FASHION_CNN, Workload.TOY_RESNET)) {
            assertEquals(1, model.warmUps, model.option);
            assertEquals(3, model.repeats, model.option);
            assertTrue(model.longEpochs(), model.option);
            assertFalse(model.dl4j, model.option);
        }
        assertFalse(Workload.CNN.longEpochs());
        assertEquals(32, Workload.FASHION_CNN.batchSize);
        assertEquals(64, Workload.TOY_RESNET.batchSize);
        assertEquals(128, Workload.MLP.batchSize);
        assertEquals(64, Workload.CNN.batchSize);
    }

    @Test
    void ratiosAreLaminasMedianOverEachOtherEnginesMedian() {
        Epoch one = new Epoch(1, 0.9, 1e11, 0);
        Epoch two = new Epoch(2, 0.9, 1e11, 0);
        Epoch four = new Epoch(4, 0.9, 1e11, 0);
        String line = Benchmark.ratios(Workload.CNN, Map.of("lamina", List.of(one, two, four),
                "dl4j", List.of(four), "pytorch", List.of(one, four)));
        assertEquals("CNN        ratio    Lamina/DL4J 0.50  Lamina/PyTorch 0.80", line);
        assertEquals("TOY_RESNET ratio  ", Benchmark.ratios(Workload.TOY_RESNET, Map.of("pytorch", List.of(one))));
    }

    @Test
    void theVectorExtensionsAreTheFlagsGemmKernelsChooseBy() {
        assertEquals("avx avx2 avx512f fma", Benchmark.vectorFlags("fpu sse2 avx2 fma avx avx512f ssse3"));
        assertEquals("none of FMA, AVX, AMX", Benchmark.vectorFlags("fpu sse2"));
    }
}
