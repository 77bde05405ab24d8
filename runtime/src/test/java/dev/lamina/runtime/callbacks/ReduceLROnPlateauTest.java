package dev.lamina.runtime.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.optimizers.Optimizer;
import dev.lamina.runtime.optimizers.Sgd;
import dev.lamina.runtime.training.Callback;
import dev.lamina.runtime.training.Network;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rates over scripted sequences of a monitored value, against those of Keras 3's
 * {@code ReduceLROnPlateau.on_epoch_end} (keras/src/callbacks/reduce_lr_on_plateau.py), transcribed
 * to Python with MonitorCallback's {@code _is_improvement} and run:
 * <pre>
 * def run(values, lr, factor=0.1, patience=10, mode="min", min_delta=1e-4, cooldown=0, min_lr=0.0):
 *     less = mode == "min"; md = -abs(min_delta) if less else abs(min_delta)
 *     best, wait, cooldown_counter, lrs = None, 0, 0, []
 *     for current in values:
 *         if cooldown_counter > 0:
 *             cooldown_counter -= 1; wait = 0
 *         if best is None or ((current - md) < best if less else (current - md) > best):
 *             best = current; wait = 0
 *         elif not cooldown_counter > 0:
 *             wait += 1
 *             if wait >= patience and lr > np.float32(min_lr):
 *                 lr = max(lr * factor, min_lr); cooldown_counter = cooldown; wait = 0
 *         lrs.append(lr)
 *     return lrs
 * </pre>
 * Keras keeps the rate in float32; the rates here are the doubles of that script.
 */
class ReduceLROnPlateauTest {

    /** The optimizer's rate after each epoch's end, the callback given {@code values} of val_loss (or {@code monitor}). */
    private static List<Double> rates(ReduceLROnPlateau callback, String monitor, double initialRate, double... values) {
        Optimizer optimizer = new Sgd(List.of(), initialRate, 0, false);
        Callback.Training training = training(optimizer);
        callback.onTrainBegin(training);
        List<Double> rates = new ArrayList<>();
        for (int epoch = 0; epoch < values.length; epoch++) {
            callback.onEpochEnd(training, epoch, Map.of(monitor, values[epoch], "loss", 1.0));
            rates.add(optimizer.learningRate());
        }
        return rates;
    }

    /** A fit's view with a network that has {@code optimizer} and nothing else. */
    private static Callback.Training training(Optimizer optimizer) {
        Network network = (Network) Proxy.newProxyInstance(Network.class.getClassLoader(), new Class<?>[] {Network.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("optimizer")) {
                        return optimizer;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Callback.Training() {
            @Override
            public void stop() {
                throw new AssertionError("ReduceLROnPlateau must not stop training");
            }

            @Override
            public boolean stopped() {
                return false;
            }

            @Override
            public Network network() {
                return network;
            }
        };
    }

    @Test
    void patienceAndMinDelta() {
        // Python: run([1.0, 0.9, 0.95, 0.92, 0.89995, 0.85, 0.86, 0.87, 0.84, 0.845], 0.1, factor=0.5, patience=2).
        // 0.89995 beats 0.9 by less than min_delta 1e-4: not an improvement.
        assertEquals(List.of(0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025),
                rates(new ReduceLROnPlateau("val_loss", 0.5, 2, 0, Mode.AUTO, 1e-4, 0, 0), "val_loss", 0.1,
                        1.0, 0.9, 0.95, 0.92, 0.89995, 0.85, 0.86, 0.87, 0.84, 0.845));
    }

    @Test
    void cooldownAndMinLr() {
        // Python: run([1.0, 1.1, ..., 1.9], 0.1, factor=0.5, patience=1, cooldown=2, min_lr=0.02).
        assertEquals(List.of(0.1, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02, 0.02, 0.02, 0.02),
                rates(new ReduceLROnPlateau("val_loss", 0.5, 1, 0, Mode.AUTO, 1e-4, 2, 0.02), "val_loss", 0.1,
                        1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9));
    }

    @Test
    void modeMaxWithMinDelta() {
        // Python: run([0.5, 0.6, 0.6, 0.6, 0.7, 0.7], 0.01, factor=0.1, patience=1, mode="max", min_delta=0.05).
        assertEquals(List.of(0.01, 0.01, 0.001, 0.0001, 0.0001, 1e-05),
                rates(new ReduceLROnPlateau("val_accuracy", 0.1, 1, 0, Mode.MAX, 0.05, 0, 0), "val_accuracy", 0.01,
                        0.5, 0.6, 0.6, 0.6, 0.7, 0.7));
        // auto: an accuracy goes up, as with MAX
        assertEquals(List.of(0.01, 0.01, 0.001, 0.0001, 0.0001, 1e-05),
                rates(new ReduceLROnPlateau("val_accuracy", 0.1, 1, 0, Mode.AUTO, 0.05, 0, 0), "val_accuracy", 0.01,
                        0.5, 0.6, 0.6, 0.6, 0.7, 0.7));
    }

    @Test
    void kerasDefaultsWaitTenEpochs() {
        // Python: run([1.0] * 12, 0.001).
        double[] flat = new double[12];
        java.util.Arrays.fill(flat, 1.0);
        assertEquals(List.of(0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.0001, 0.0001),
                rates(new ReduceLROnPlateau(), "val_loss", 0.001, flat));
    }

    @Test
    void verboseSaysWhatKerasSays() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReduceLROnPlateau callback = new ReduceLROnPlateau("val_loss", 0.5, 1, 1, Mode.AUTO, 0, 0, 0,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        rates(callback, "val_loss", 0.1, 1.0, 2.0);
        assertEquals("\nEpoch 2: ReduceLROnPlateau reducing learning rate to 0.05.\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aMissingMetricIsNamedWithTheOnesThereAre() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> rates(new ReduceLROnPlateau(), "val_accuracy", 0.1, 1.0));
        assertTrue(e.getMessage().startsWith("ReduceLROnPlateau monitors 'val_loss' but the logs have"), e.getMessage());
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReduceLROnPlateau("val_loss", 1.0, 10, 0, Mode.AUTO, 1e-4, 0, 0));
        assertTrue(e.getMessage().startsWith("ReduceLROnPlateau does not support a factor >= 1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau("val_loss", 0.1, -1, 0, Mode.AUTO, 1e-4, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau("val_loss", 0.1, 1, 0, Mode.AUTO, 1e-4, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau("val_loss", 0.1, 1, 0, Mode.AUTO, 1e-4, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau("val_loss", 0.1, 1, 2, Mode.AUTO, 1e-4, 0, 0));
    }
}
