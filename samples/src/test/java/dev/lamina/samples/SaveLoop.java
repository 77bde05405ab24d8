package dev.lamina.samples;

import dev.lamina.runtime.checkpoint.Checkpoint;
import java.nio.file.Path;

/** A child process for {@link TrainingFeaturesTest}: saves a network over the same file until killed. */
public final class SaveLoop {
    private SaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        MnistMlpNetwork network = MnistMlpNetwork.create(99);
        Path file = Path.of(args[0]);
        for (int i = 0; ; i++) {
            network.parameters().get(0).value().addi(1);
            Checkpoint.save(network, file, i);
            System.out.println("saved " + i);
            System.out.flush();
        }
    }
}
