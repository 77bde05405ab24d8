package dev.lamina.bench;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.samples.FashionCnnNetwork;
import dev.lamina.samples.MnistCnnNetwork;
import dev.lamina.samples.MnistMlpNetwork;
import dev.lamina.samples.ToyResNetNetwork;
import java.util.function.LongFunction;

/** Lamina's generated network of the model, trained by its training loop. */
final class LaminaEngine extends Engine {
    private final LongFunction<AbstractNetwork> create;
    private final String model;

    LaminaEngine(Workload model, Dataset train, Dataset test) {
        super(train, test, model.batchSize);
        this.create = create(model);
        this.model = model.name();
    }

    /** The samples' generated network of the model. */
    static LongFunction<AbstractNetwork> create(Workload model) {
        return switch (model) {
            case MLP -> MnistMlpNetwork::create;
            case CNN -> MnistCnnNetwork::create;
            case FASHION_CNN -> FashionCnnNetwork::create;
            case TOY_RESNET -> ToyResNetNetwork::create;
        };
    }

    @Override
    Epoch epoch(long seed) {
        AbstractNetwork network = create.apply(seed);
        return EpochTimer.timed(
                () -> network.fit(train, FitOptions.epochs(1).batchSize(batch).seed(seed).verbose(0)),
                () -> network.evaluate(test).accuracy());
    }

    @Override
    Runnable prediction(long seed) {
        AbstractNetwork network = create.apply(seed);
        return () -> network.predict(test.features());
    }

    @Override
    SinglePrediction singlePrediction(long seed) {
        AbstractNetwork network = create.apply(seed);
        return network::predict;
    }

    /**
     * Four epochs of a fresh network, the last watched by a {@link MemoryProbe}. Not the second: in a
     * fresh JVM (--memory-only) the JIT still compiles through the second and third epochs, and its
     * code is native memory too: in such a JVM the MLP's epochs 2 to 5 grew resident memory by 13.5,
     * 1.7, 0.1 and 0.1 MB.
     */
    String memoryReport(long seed) {
        int epochs = 4;
        MemoryProbe probe = new MemoryProbe(epochs - 1);
        create.apply(seed).fit(train, FitOptions.epochs(epochs).batchSize(batch).seed(seed).verbose(0).callbacks(probe));
        return probe.report(model);
    }
}
