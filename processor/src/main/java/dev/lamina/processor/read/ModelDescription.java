package dev.lamina.processor.read;

import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Task;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * A model class as read from source, not yet checked.
 *
 * @param annotation the {@code @Model} mirror, for messages about its values
 * @param packageName the package the generated class goes in, the model's own
 * @param modelName the model's name as users see it: its simple name, or Outer.Inner when nested
 * @param networkName the generated class's simple name
 * @param input the sample shape as written, possibly invalid
 * @param classes the classes of a classifier, or 0
 * @param outputs the outputs of a regression or multi-label model, or 0
 */
public record ModelDescription(TypeElement type, AnnotationMirror annotation, String packageName, String modelName,
                               String networkName, int[] input, int classes, int outputs, Loss loss,
                               boolean fromLogits, OptimizerDescription optimizer, List<Metric> metrics, int topK,
                               List<LayerDescription> layers) {

    /** What the model predicts; valid once the model is checked. */
    public Task task() {
        return Task.of(loss, classes);
    }

    /** The width of the model's output, the last layer's units; valid once the model is checked. */
    public int units() {
        return Task.units(task(), classes, outputs);
    }
}
