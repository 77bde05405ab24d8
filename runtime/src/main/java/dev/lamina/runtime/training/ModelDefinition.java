package dev.lamina.runtime.training;

import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Shape;
import dev.lamina.runtime.optimizers.Optimizer;
import dev.lamina.runtime.optimizers.Parameter;
import java.util.List;
import java.util.function.Function;

/**
 * What a {@code @Model} class declares beyond its layers' computation, as its generated network
 * hands it to {@link AbstractNetwork}: the settings that fit, evaluate, predict, save and summary read.
 *
 * @param name the model class's name, {@code "MnistCnn"} ({@code "Outer.Inner"} when nested)
 * @param fromLogits whether the output is logits, which the loss turns into probabilities
 * @param optimizer makes the optimizer for the trainable parameters
 */
public record ModelDefinition(String name, Shape inputShape, int classes, Loss loss, boolean fromLogits,
                              List<Metric> metrics, Function<List<Parameter>, Optimizer> optimizer) {

    public ModelDefinition {
        metrics = List.copyOf(metrics);
    }
}
