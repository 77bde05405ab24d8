package dev.lamina.runtime.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Allocation of the per-parameter state arrays optimizers keep. */
final class OptimizerState {
    private OptimizerState() {
    }

    /** One zero array per parameter, of its shape and type. */
    static INDArray[] zerosLike(List<Parameter> parameters) {
        return parameters.stream().map(p -> p.value().ulike().assign(0)).toArray(INDArray[]::new);
    }

    /** The arrays of {@code first} then {@code second}; {@code second} may be null. */
    static List<INDArray> concat(INDArray[] first, INDArray[] second) {
        List<INDArray> all = new ArrayList<>(List.of(first));
        if (second != null) {
            all.addAll(List.of(second));
        }
        return List.copyOf(all);
    }
}
