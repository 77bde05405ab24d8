package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.runtime.training.Network;
import dev.lamina.runtime.optimizers.Parameter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * RandomFlip and RandomTranslation in generated networks: the identity in predict, active and seeded
 * in fit.
 */
class AugmentationTest {
    private static INDArray images(int samples, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.DOUBLE, samples, 6, 6, 2);
    }

    private static Dataset data() {
        INDArray images = images(40, 3);
        int[] labels = new int[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) (images.getDouble(i, 3, 3, 0) * 3) % 3;
        }
        return Dataset.of("random images", images, labels, 3);
    }

    private static List<INDArray> weights(Network network) {
        return network.parameters().stream().map(p -> p.value().dup()).toList();
    }

    @Test
    void predictIsTheIdentityOfTheAugmentationTwiceAlike() {
        AbstractNetwork augmented = new TinyModels_AugmentedNetwork(5, DataType.DOUBLE);
        AbstractNetwork plain = new TinyModels_UnaugmentedNetwork(6, DataType.DOUBLE);
        List<Parameter> from = augmented.parameters();
        List<Parameter> to = plain.parameters();
        assertEquals(from.size(), to.size());
        for (int i = 0; i < from.size(); i++) {
            to.get(i).value().assign(from.get(i).value());
        }
        INDArray x = images(8, 1);
        INDArray first = augmented.predict(x).dup();
        assertEquals(first, augmented.predict(x).dup(), "predict twice");
        assertEquals(plain.predict(x), first, "as the model without the augmentation");
        assertNotEquals(first, augmented.trainingOutput(x), "augmented in training");
    }

    @Test
    void fitIsSeeded() {
        FitOptions options = FitOptions.defaults().verbose(0).batchSize(8).withEpochs(2).seed(4);
        AbstractNetwork first = new TinyModels_AugmentedNetwork(9, DataType.DOUBLE);
        first.fit(data(), options);
        AbstractNetwork again = new TinyModels_AugmentedNetwork(9, DataType.DOUBLE);
        again.fit(data(), options);
        AbstractNetwork otherSeed = new TinyModels_AugmentedNetwork(10, DataType.DOUBLE);
        otherSeed.fit(data(), options);
        assertEquals(weights(first), weights(again), "bit-identical with the same seed");
        assertNotEquals(weights(first), weights(otherSeed));
    }

    /**
     * {@code network} whose training generator is reset to {@code seed} before each training forward
     * pass (computeGradients, trainingOutput), so that every pass of a batch draws the same flips and
     * shifts: what finite differences of an augmented network need.
     */
    static Network fixedDraws(Network network, long seed) {
        return (Network) Proxy.newProxyInstance(Network.class.getClassLoader(), new Class<?>[] {Network.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("computeGradients") || method.getName().equals("trainingOutput")) {
                        trainingRandom(network).setSeed(seed);
                    }
                    try {
                        return method.invoke(network, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Random trainingRandom(Network network) throws ReflectiveOperationException {
        Method method = AbstractNetwork.class.getDeclaredMethod("trainingRandom");
        method.setAccessible(true);
        return (Random) method.invoke(network);
    }
}
