package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.dsl.Activation;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.FlattenSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.ReshapeSpec;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;

/**
 * Writes one layer's part of the generated network: its parameter fields, its forward statements and
 * its backward statements. One subclass per kind of layer; the network writer strings them together.
 */
abstract class LayerWriter {
    protected final CheckedLayer layer;
    protected final LayerNames names;

    protected LayerWriter(CheckedLayer layer, LayerNames names) {
        this.layer = layer;
        this.names = names;
    }

    static LayerWriter of(CheckedLayer layer, LayerNames names) {
        LayerSpec spec = layer.layer().spec();
        if (spec instanceof DenseSpec dense) {
            return new DenseWriter(layer, names, dense);
        }
        if (spec instanceof FlattenSpec) {
            return new ViewWriter(layer, names, "Flatten");
        }
        if (spec instanceof ReshapeSpec) {
            return new ViewWriter(layer, names, "Reshape" + layer.output());
        }
        throw new IllegalArgumentException("No writer for " + spec);
    }

    LayerNames names() {
        return names;
    }

    CheckedLayer layer() {
        return layer;
    }

    Activation activation() {
        return layer.layer().spec().activation();
    }

    /** What the layer is, for comments: {@code Dense(512, relu)}. */
    abstract String description();

    boolean hasParameters() {
        return layer.parameters() > 0;
    }

    /** Whether the output has a buffer of its own; if not, it is a view of the input's. */
    abstract boolean ownsBuffer();

    /** Adds the parameter and parameter-gradient fields. */
    void addParameterFields(TypeSpec.Builder type) {
    }

    /** Initialises the parameter fields in the constructor, from {@code random}. */
    void initializeParameters(CodeBlock.Builder code) {
    }

    /** The {@code new Parameter(...)} entries handed to the optimizer. */
    List<CodeBlock> parameterEntries() {
        return List.of();
    }

    /** Declares the local holding the layer's output, given the local holding its input. */
    abstract CodeBlock valueDeclaration(String input);

    /** Declares the local holding the gradient of the layer's output, given its input's. */
    abstract CodeBlock gradientDeclaration(String inputGradient);

    /** Computes the layer's output into its value local (declared already). */
    void forward(CodeBlock.Builder code, String input) {
    }

    /**
     * Propagates the gradient of the layer's output to its parameters and, if {@code inputGradient}
     * is not null, to its input.
     *
     * @param preActivation whether the gradient local already holds the gradient before the
     *     activation (the loss fused it with softmax), so the activation's backward is skipped
     */
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
    }

    /** The batch shape of the output, for comments: {@code (batch, 512)}. */
    String outputShape() {
        return "(batch, " + layer.output().toString().substring(1);
    }

    /** The output dimensions as Java arguments after the batch: {@code batch, 26, 26, 32}. */
    String batchDims(String batch) {
        StringBuilder dims = new StringBuilder(batch);
        for (int d : layer.output().dims()) {
            dims.append(", ").append(d);
        }
        return dims.toString();
    }
}
