package dev.lamina.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingFlopsTest {

    @Test
    void theFirstLayerPaysNoInputGradient() {
        // Two Dense layers of 10 and 20 multiply-adds: 2x(10) + 3x(20), times 2 FLOPs.
        assertEquals(2 * (2 * 10 + 3 * 20), TrainingFlops.perSample(List.of(
                new TrainingFlops.Weighted("a", 10), new TrainingFlops.Weighted("b", 20))));
    }

    @Test
    void theReferenceModelsCountAsWorkedOutByHand() {
        // MLP: 784x512 + 512x10 multiply-adds forward.
        assertEquals(2L * (2 * 784 * 512 + 3 * 512 * 10), TrainingFlops.perSample(TrainingFlops.MLP));
        // CNN: conv1 194,688; conv2 2,230,272; conv3 331,776; fc 36,864; out 640 multiply-adds forward.
        long rest = 2_230_272 + 331_776 + 36_864 + 640;
        assertEquals(2L * (2 * 194_688 + 3 * rest), TrainingFlops.perSample(TrainingFlops.CNN));
    }
}
