package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.DropoutSpec;
import dev.lamina.dsl.FlattenSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.Pool2DSpec;
import dev.lamina.dsl.ReshapeSpec;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes one layer's part of the generated network: its fields, its forward statements and its
 * backward statements. One subclass per kind of layer; the network writer strings them together.
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
        if (spec instanceof Conv2DSpec conv) {
            return new Conv2DWriter(layer, names, conv);
        }
        if (spec instanceof Pool2DSpec pool) {
            return new Pool2DWriter(layer, names, pool);
        }
        if (spec instanceof DropoutSpec dropout) {
            return new DropoutWriter(layer, names, dropout);
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
    boolean ownsBuffer() {
        return true;
    }

    /** Whether the backward pass reads the layer's input (Dropout's reads only its mask). */
    boolean backwardNeedsInput() {
        return true;
    }

    /** Whether the forward pass behaves differently when training (Dropout). */
    boolean dependsOnTraining() {
        return false;
    }

    /** Adds the constants the layer's calls use (its window). */
    void addConstants(TypeSpec.Builder type) {
    }

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

    /**
     * Adds the fields of the buffers the layer owns, sized for {@code capacity} samples: its output,
     * and the gradient of its output if the backward pass computes it ({@code needsGradient});
     * {@code needsInputGradient} tells whether the backward pass goes on to the layer's input.
     */
    void addBufferFields(TypeSpec.Builder type, boolean needsGradient, boolean needsInputGradient) {
        if (!ownsBuffer()) {
            return;
        }
        type.addField(buffer(names.buffer(), layer.name() + "'s output, " + capacityShape() + "."));
        if (needsGradient) {
            type.addField(buffer(names.gradientBuffer(), "The gradient of the loss with respect to " + layer.name()
                    + "'s output, " + capacityShape() + "."));
        }
    }

    /** Allocates the buffers of {@link #addBufferFields} for {@code capacity} samples. */
    void allocateBuffers(CodeBlock.Builder code, boolean needsGradient, boolean needsInputGradient) {
        if (!ownsBuffer()) {
            return;
        }
        code.addStatement("$N = $T.create(dataType, $L)", names.buffer(), RuntimeTypes.ND4J, batchDims("capacity"));
        if (needsGradient) {
            code.addStatement("$N = $T.create(dataType, $L)", names.gradientBuffer(), RuntimeTypes.ND4J, batchDims("capacity"));
        }
    }

    protected static FieldSpec buffer(String name, String javadoc) {
        return FieldSpec.builder(RuntimeTypes.INDARRAY, name, Modifier.PRIVATE).addJavadoc(javadoc).build();
    }

    /** Declares the local holding the layer's output, given the local holding its input. */
    CodeBlock valueDeclaration(String input) {
        return CodeBlock.of("$T $N = $T.rows($N, batch);\n", RuntimeTypes.INDARRAY, names.value(),
                RuntimeTypes.BUFFERS, names.buffer());
    }

    /** Declares the local holding the gradient of the layer's output, given its input's. */
    CodeBlock gradientDeclaration(String inputGradient) {
        return CodeBlock.of("$T $N = $T.rows($N, batch);\n", RuntimeTypes.INDARRAY, names.gradient(),
                RuntimeTypes.BUFFERS, names.gradientBuffer());
    }

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

    protected String capacityShape() {
        return "(capacity, " + layer.output().toString().substring(1);
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
