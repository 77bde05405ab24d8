package dev.lamina.processor.check;

import dev.lamina.dsl.ParameterSpec;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.SummaryTable;
import dev.lamina.processor.read.ModelDescription;
import java.util.List;

/** A model with no errors, every layer's shapes inferred: what the generator works from. */
public record CheckedModel(ModelDescription description, Shape input, List<CheckedLayer> layers) {

    public CheckedLayer last() {
        return layers.get(layers.size() - 1);
    }

    /** The summary table, as the generated network's {@code summary()} prints it. */
    public String summary() {
        return SummaryTable.format(description.modelName(), layers.stream().map(layer -> new SummaryTable.Row(
                layer.name(), layer.layer().spec().kind(), layer.output(),
                count(layer.parameters(), true), count(layer.parameters(), false))).toList());
    }

    private static long count(List<ParameterSpec> parameters, boolean trainable) {
        return Shape.total(parameters.stream().filter(p -> p.trainable() == trainable).mapToLong(ParameterSpec::size));
    }
}
