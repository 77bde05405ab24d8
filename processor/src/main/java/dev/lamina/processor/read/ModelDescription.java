package dev.lamina.processor.read;

import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
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
 */
public record ModelDescription(TypeElement type, AnnotationMirror annotation, String packageName, String modelName,
                               String networkName, int[] input, int classes, Loss loss, boolean fromLogits,
                               OptimizerDescription optimizer, List<Metric> metrics, List<LayerDescription> layers) {
}
