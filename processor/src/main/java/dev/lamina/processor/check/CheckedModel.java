package dev.lamina.processor.check;

import dev.lamina.dsl.MergeSpec;
import dev.lamina.dsl.Model;
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

    /**
     * The summary table, as the generated network's {@code summary()} prints it: with what each layer
     * is connected to where the model branches.
     */
    public String summary() {
        boolean branches = branches();
        return SummaryTable.format(description.modelName(), layers.stream().map(layer -> new SummaryTable.Row(
                layer.name(), layer.layer().spec().kind(), layer.output(),
                count(layer.parameters(), true), count(layer.parameters(), false),
                branches ? connectedTo(layer) : List.of())).toList());
    }

    /** Whether a layer names its input, or merges: then the model is no chain. */
    public boolean branches() {
        return layers.stream().anyMatch(layer -> layer.layer().spec() instanceof MergeSpec || !layer.layer().from().isEmpty());
    }

    /** The names of the layers {@code layer} takes its inputs from, "input" for the model's. */
    public static List<String> connectedTo(CheckedLayer layer) {
        return layer.sources().stream().map(source -> source.equals(Model.INPUT) ? "input" : source).toList();
    }

    private static long count(List<ParameterSpec> parameters, boolean trainable) {
        return Shape.total(parameters.stream().filter(p -> p.trainable() == trainable).mapToLong(ParameterSpec::size));
    }
}
