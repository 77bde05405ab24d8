package dev.lamina.runtime.training;

import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Task;
import dev.lamina.runtime.optimizers.Optimizer;
import dev.lamina.runtime.optimizers.Parameter;
import java.util.List;
import java.util.function.Function;

/**
 * What a {@code @Model} class declares beyond its layers' computation, as its generated network
 * hands it to {@link AbstractNetwork}: the settings that fit, evaluate, predict, save and summary read.
 *
 * @param name the model class's name, {@code "MnistCnn"} ({@code "Outer.Inner"} when nested)
 * @param layers the layers in the order the model declares them
 * @param classes the classes of a classifier, or 0
 * @param outputs the values or labels per sample of a regression or multi-label model, or 0
 * @param fromLogits whether the output is logits, which the loss turns into probabilities
 * @param topK how many of the highest scores {@link Metric#TOP_K_ACCURACY} looks among
 * @param optimizer makes the optimizer for the trainable parameters
 */
public record ModelDefinition(String name, Shape inputShape, List<LayerDefinition> layers, int classes, int outputs, Loss loss, boolean fromLogits,
                              List<Metric> metrics, int topK, Function<List<Parameter>, Optimizer> optimizer) {

    public ModelDefinition {
        layers = List.copyOf(layers);
        metrics = List.copyOf(metrics);
    }

    /** What the model predicts. */
    public Task task() {
        return Task.of(loss, classes);
    }

    /** The width of the model's output. */
    public int units() {
        return Task.units(task(), classes, outputs);
    }
}
