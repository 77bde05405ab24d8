package dev.lamina.runtime.training;

import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.Shape;
import java.util.List;

/**
 * One layer as its model declares it, as the generated network hands it over: what reads a network
 * as a whole (an exporter, an importer of another library's weights) needs beside the arrays.
 *
 * @param name   the field's name, {@code "conv1"}
 * @param spec   its settings, the same record the processor checked ({@code Conv2DSpec}, ...)
 * @param from   the layers whose outputs it takes, in order; {@code "input"} for the model's input
 * @param inputs the shape of each input per sample, in the same order
 * @param output the shape of its output per sample
 */
public record LayerDefinition(String name, LayerSpec spec, List<String> from, List<Shape> inputs, Shape output) {
    public LayerDefinition {
        from = List.copyOf(from);
        inputs = List.copyOf(inputs);
    }

    /** The name {@link #from} gives the model's input. */
    public static final String INPUT = "input";
}
