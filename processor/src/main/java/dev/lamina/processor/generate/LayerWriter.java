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
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes one layer's part of the generated network: its fields, its forward statements and its
 * backward statements. One subclass per kind of layer; the network writer strings them together.
 */
abstract class LayerWriter {
    protected final CheckedLayer layer;
    protected final LayerNames names;
    /** The activation this layer's code applies: its own, or one moved here (see moveActivationTo). */
    private Activation applied;
    /** Comments for the forward and backward code when an activation moved, or null. */
    private String forwardNote;
    private String backwardNote;
    /** For the buffer's Javadoc: which layer applies this layer's activation, or null. */
    private String activationMovedTo;

    protected LayerWriter(CheckedLayer layer, LayerNames names) {
        this.layer = layer;
        this.names = names;
        this.applied = layer.layer().spec().activation();
    }

    /**
     * The writer of {@code layer}; {@code inputNeedsGradient} tells whether a layer with parameters
     * comes before it, so that the backward pass goes on to its input.
     */
    static LayerWriter of(CheckedLayer layer, LayerNames names, boolean inputNeedsGradient) {
        LayerSpec spec = layer.layer().spec();
        if (spec instanceof DenseSpec dense) {
            return new DenseWriter(layer, names, dense);
        }
        if (spec instanceof Conv2DSpec conv) {
            return new Conv2DWriter(layer, names, conv, inputNeedsGradient);
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

    /** The activation this layer's code applies, which may differ from its annotation's (see moveActivationTo). */
    Activation activation() {
        return applied;
    }

    /**
     * Has {@code next} apply this layer's activation to its own output instead, and this layer
     * none. Right where {@code next} computes the same function of a smaller array (a max pool).
     */
    void moveActivationTo(LayerWriter next, String why) {
        String activation = applied.name().toLowerCase(Locale.ROOT);
        next.applied = applied;
        next.forwardNote = "Then " + layer.name() + "'s " + activation + ".";
        next.backwardNote = "First the gradient of " + layer.name() + "'s " + activation + ", applied after the pool.";
        forwardNote = "Its " + activation + " is applied after " + next.layer.name() + ": " + why;
        backwardNote = "Its " + activation + "'s gradient was taken at " + next.layer.name() + ".";
        activationMovedTo = next.layer.name() + " applies its " + activation;
        applied = Activation.LINEAR;
    }

    /** The comment line about a moved activation for the forward or the backward pass, if any. */
    CodeBlock activationComment(boolean backward) {
        String note = backward ? backwardNote : forwardNote;
        return note == null ? CodeBlock.of("") : CodeBlock.of("// $L\n", note);
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
        type.addField(buffer(names.buffer(), layer.name() + "'s output, " + capacityShape()
                + (activationMovedTo == null ? "." : ", before its activation: " + activationMovedTo + ".")));
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

    private String capacityShape() {
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
