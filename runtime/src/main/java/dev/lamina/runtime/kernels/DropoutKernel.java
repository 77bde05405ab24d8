package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout, as Keras: while training each input is kept with probability 1 - rate and
 * scaled by 1 / (1 - rate), so inference needs no scaling and passes inputs through.
 */
public final class DropoutKernel {
    private DropoutKernel() {
    }

    /**
     * Writes the dropped-out {@code x} into {@code y}, drawing the mask (kept inputs' scale, or 0)
     * into {@code mask} from {@code random}; copies {@code x} when not training.
     */
    public static void forward(INDArray x, double rate, boolean training, Random random, INDArray mask, INDArray y) {
        if (!training) {
            y.assign(x);
            return;
        }
        if (rate == 0) {
            mask.assign(1.0);
        } else {
            Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, 1 - rate), random);
            mask.divi(1 - rate);
        }
        y.assign(x).muli(mask);
    }

    /** The input's gradient: the output's, through the mask of the last training forward pass. */
    public static void backward(INDArray mask, INDArray dy, INDArray dx) {
        dx.assign(dy).muli(mask);
    }
}
