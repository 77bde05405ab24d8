package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

class DropoutKernelTest {

    @Test
    void trainingDropsTheRateAndScalesTheRest() {
        INDArray x = Nd4j.ones(DataType.DOUBLE, 100, 100);
        INDArray mask = x.ulike();
        INDArray y = x.ulike();
        DropoutKernel.forward(x, 0.25, true, Nd4j.getRandomFactory().getNewRandomInstance(1), mask, y);
        long kept = y.neq(0.0).castTo(DataType.INT32).sumNumber().longValue();
        assertEquals(7500, kept, 300, "about 75% kept");
        double scale = 1 / 0.75;
        assertEquals(kept * scale, y.sumNumber().doubleValue(), 1e-9, "kept inputs scaled by 1 / (1 - rate)");
        assertEquals(y, mask, "with inputs of one, the output is the mask");
    }

    @Test
    void inferencePassesInputsThrough() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 5);
        INDArray y = x.ulike();
        DropoutKernel.forward(x, 0.5, false, Nd4j.getRandomFactory().getNewRandomInstance(1), x.ulike(), y);
        assertEquals(x, y);
    }

    @Test
    void theGradientFlowsThroughTheSameMask() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 7).addi(0.1);
        INDArray mask = x.ulike();
        INDArray y = x.ulike();
        DropoutKernel.forward(x, 0.5, true, Nd4j.getRandomFactory().getNewRandomInstance(3), mask, y);
        INDArray dy = Nd4j.rand(DataType.DOUBLE, 6, 7);
        INDArray dx = x.ulike();
        DropoutKernel.backward(mask, dy, dx);
        // y = x * mask, so dy/dx = mask elementwise.
        assertEquals(dy.mul(mask), dx);
        assertEquals(y.eq(0.0), dx.eq(0.0), "dropped inputs get no gradient");
    }

    @Test
    void masksRepeatWithTheSeedAndDifferWithout() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 20, 20);
        assertEquals(drawn(x, 7), drawn(x, 7));
        assertNotEquals(drawn(x, 7), drawn(x, 8));
    }

    private static INDArray drawn(INDArray x, long seed) {
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        INDArray y = x.ulike();
        DropoutKernel.forward(x, 0.5, true, random, x.ulike(), y);
        return y;
    }
}
