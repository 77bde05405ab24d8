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
    
        // Fashion-MNIST CNN: conv1 26x26x64x9 = 389,376; conv2 11x11x64x9x64 = 4,460,544; fc 1600x128 = 204,800;
        // out 128x10 = 1,280.
        assertEquals(2L * (2 * 389_376 + 3 * (4_460_544 + 204_800 + 1_280)), TrainingFlops.perSample(TrainingFlops.FASHION_CNN));

        // Toy ResNet: conv1 26x26x32x9 = 194,688; conv2 24x24x64x9x32 = 10,616,832; conv3-6 8x8x64x9x64 =
        // 2,359,296 each; conv7 6x6x64x9x64 = 1,327,104; fc 64x256 = 16,384; logits 256x10 = 2,560.
        long resnet = 10_616_832 + 4 * 2_359_296 + 1_327_104 + 16_384 + 2_560;
        assertEquals(2L * (2 * 194_688 + 3 * resnet), TrainingFlops.perSample(TrainingFlops.TOY_RESNET));
        assertEquals(129_179_136L, TrainingFlops.perSample(TrainingFlops.TOY_RESNET));
    }
}
