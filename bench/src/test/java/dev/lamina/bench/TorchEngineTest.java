package dev.lamina.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.runtime.data.DataDirectory;
import dev.lamina.runtime.optimizers.Parameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PyTorch's engine against Lamina's models; skipped where the interpreter cannot import torch. */
class TorchEngineTest {
    /** PyTorch's models' parameter counts by name, from one start of the interpreter. */
    private static Map<String, Long> torchParameters;
    /** PyTorch's models' forward multiply-adds per image in convolutions and dense layers, by name. */
    private static Map<String, Long> torchMultiplyAdds;

    @BeforeAll
    static void needsTorch() throws Exception {
        assumeTrue(EngineClient.pytorchAvailable(), "no torch for " + EngineClient.PYTHON);
        count();
    }

    /** The parameter counts differ if a layer's size, kernel, padding or pooling differs. */
    @ParameterizedTest
    @EnumSource(Workload.class)
    void pytorchsModelHasAsManyParametersAsLaminas(Workload model) {
        long lamina = LaminaEngine.create(model).apply(1).parameters().stream().filter(Parameter::trainable)
                .mapToLong(p -> p.value().length()).sum();
        assertEquals(lamina, torchParameters.get(model.name()), model.name());
    }

    /**
     * The multiply-adds follow from every layer's output size, so they differ if a padding, stride or
     * pooling differs (the toy ResNet's parameters would not: global average pooling hides the sizes).
     */
    @ParameterizedTest
    @EnumSource(Workload.class)
    void pytorchsModelHasTheMultiplyAddsTrainingFlopsCounts(Workload model) {
        long counted = model.layers.stream().mapToLong(TrainingFlops.Weighted::multiplyAdds).sum();
        assertEquals(counted, torchMultiplyAdds.get(model.name()), model.name());
    }

    @Test
    void theToyResNetsParametersCountAsWorkedOutByHand() {
        // conv1 32x9 + 32; conv2 64x9x32 + 64; five 64x9x64 + 64 convolutions; Dense 64x256 + 256; 256x10 + 10
        // (Keras' guide has 223,242 with CIFAR-10's three input channels, 576 more in conv1).
        assertEquals(320L + 18_496 + 5 * 36_928 + 16_640 + 2_570, torchParameters.get("TOY_RESNET"));
    }

    /** The protocol end to end: one epoch of the MLP on the quick data, its line, and a gemm rate. */
    @Test
    void anEpochOfTheMlpOnQuickDataLearnsAndAnswersInTheProtocol() throws Exception {
        assumeTrue(Files.isDirectory(DataDirectory.get().resolve("mnist")), "no MNIST (scripts/fetch-data.sh)");
        try (EngineClient torch = new EngineClient(EngineClient.PYTORCH, Workload.MLP, true)) {
            assertEquals(Benchmark.QUICK_IMAGES, torch.trainingImages());
            Epoch epoch = torch.epoch(42);
            assertTrue(epoch.accuracy() > 0.8, "accuracy " + epoch.accuracy());
            assertTrue(epoch.seconds() > 0 && epoch.gemmRate() > 1e9, epoch.line());
            assertEquals(0, epoch.jitMillis());
        }
    }

    /** {@code torch_engine.py --count}: a line "MODEL PARAMETERS MULTIPLY_ADDS" for each model. */
    private static void count() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(EngineClient.PYTHON, EngineClient.torchEngine().toString(),
                "--count").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        torchParameters = new HashMap<>();
        torchMultiplyAdds = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split(" ");
            torchParameters.put(fields[0], Long.parseLong(fields[1]));
            torchMultiplyAdds.put(fields[0], Long.parseLong(fields[2]));
        }
        assertEquals(Workload.values().length, torchParameters.size(), output);
    }
}
