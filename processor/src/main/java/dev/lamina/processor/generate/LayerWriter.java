package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.lamina.dsl.Activation;
import dev.lamina.dsl.ParameterSpec;
import dev.lamina.processor.check.CheckedLayer;
import dev.lamina.processor.check.CheckedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes one layer's part of the generated network: its fields, its forward statements and its
 * backward statements. One subclass per kind of layer ({@link LayerWriters} picks it); the network
 * writer strings them together. The fields of a layer's output and parameters come from its spec
 * here, the same for every kind.
 */
abstract class LayerWriter {
    protected final CheckedLayer layer;
    protected final LayerNames names;
    /** The activation this layer's code applies: its own, or one moved here (see moveActivationTo). */
    private Activation applied;
    /** Comments for the forward and backward code when an activation moved, or null. */
    private String forwardNote;
    private String backwardNote;
    /** Whether the output field names its sources (the model branches). */
    private boolean namesSources;

    protected LayerWriter(CheckedLayer layer, LayerNames names) {
        this.layer = layer;
        this.names = names;
        this.applied = layer.layer().spec().activation();
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
        applied = Activation.LINEAR;
    }

    /** The comment line about a moved activation for the forward or the backward pass, if any. */
    CodeBlock activationComment(boolean backward) {
        String note = backward ? backwardNote : forwardNote;
        return note == null ? CodeBlock.of("") : CodeBlock.of("// $L\n", note);
    }

    /** What the layer is, for comments: {@code Dense(512, relu)}. */
    abstract String description();

    /**
     * The field holding the layer's output and its gradient, made by the network's {@code output}; a
     * view layer's views {@code previous}'s output, or the model's input if null.
     */
    FieldSpec outputField(LayerWriter previous) {
        CodeBlock sources = namesSources ? CodeBlock.of("$T.of($L), ", List.class, String.join(", ",
                CheckedModel.connectedTo(layer).stream().map(source -> CodeBlock.of("$S", source).toString()).toList()))
                : CodeBlock.of("");
        return FieldSpec.builder(RuntimeTypes.LAYER_OUTPUT, names.value(), Modifier.PRIVATE, Modifier.FINAL)
                .initializer("output($S, $S, $L$L)", layer.name(), layer.layer().spec().kind(), sources,
                        dims(layer.output().dims()))
                .build();
    }

    /** Has the output field name the layers the layer takes its inputs from, for the summary of a branching model. */
    void nameSources() {
        namesSources = true;
    }

    /** The parameter fields, from the spec's list: {@code trainable("hidden/kernel", GLOROT_UNIFORM, 784, 512)}. */
    List<FieldSpec> parameterFields() {
        List<FieldSpec> fields = new ArrayList<>();
        for (ParameterSpec parameter : layer.parameters()) {
            fields.add(FieldSpec.builder(RuntimeTypes.PARAMETER, names.parameter(parameter.role()), Modifier.PRIVATE,
                            Modifier.FINAL)
                    .initializer("$L($S, $T.$L, $L)", parameter.trainable() ? "trainable" : "nonTrainable",
                            layer.name() + "/" + parameter.role(), RuntimeTypes.INITIALIZER,
                            parameter.initializer().name(), dims(parameter.shape().dims()))
                    .build());
        }
        return fields;
    }

    /** Fields of the layer's own beyond its output and parameters: constants, a runtime object, a mask. */
    List<FieldSpec> otherFields() {
        return List.of();
    }

    /** Computes the layer's output from its input: {@code previous}'s output, or the model's input if null. */
    abstract void forward(CodeBlock.Builder code, LayerWriter previous);

    /**
     * Moves the layer's moving statistics towards those of the last training batch (a batch
     * normalization's): what the network's {@code updateStatistics} runs after each optimizer step,
     * under the same lock. Most layers have none.
     */
    void updateStatistics(CodeBlock.Builder code) {
    }

    /**
     * Whether the layer measures statistics of the training data before training (a Normalization's
     * mean and variance): then {@link #adapt} writes the measuring and {@link #adaptedExpression} the
     * test of whether it was done.
     */
    boolean adapts() {
        return false;
    }

    /** Measures the layer's statistics of {@code input}, the model's input for every training sample. */
    void adapt(CodeBlock.Builder code) {
    }

    /** A boolean expression: whether the layer's statistics have been measured. */
    CodeBlock adaptedExpression() {
        throw new UnsupportedOperationException(layer.name() + " measures no statistics");
    }

    /**
     * Adds the gradient of each of the layer's L2 penalties, {@code 2 · l2 · value}, to its parameter's
     * gradient, which the layer's own backward statements wrote: the penalty is part of the loss.
     * Nothing for a layer without regularized parameters.
     */
    void regularizationGradients(CodeBlock.Builder code) {
        for (ParameterSpec parameter : regularized()) {
            String role = parameter.role();
            code.add("// The loss includes the $L's L2 penalty, $L · Σ $L², so its gradient gains 2 · $L · $L.\n", role,
                    parameter.l2(), role, parameter.l2(), role);
            code.addStatement("$T.addGradient($L, $L, $L)", RuntimeTypes.L2_REGULARIZATION, parameterValue(role),
                    parameter.l2(), parameterGradient(role));
        }
    }

    /** The expressions of the layer's L2 penalties, {@code l2 · Σ value²}, for the network's regularizationLoss. */
    List<CodeBlock> penalties() {
        return regularized().stream().map(parameter -> CodeBlock.of("$T.penalty($L, $L)", RuntimeTypes.L2_REGULARIZATION,
                parameterValue(parameter.role()), parameter.l2())).toList();
    }

    /** {@code ", kernel L2 0.01"} for each regularized parameter, for the layer's description; empty for none. */
    protected String regularization() {
        StringBuilder text = new StringBuilder();
        for (ParameterSpec parameter : regularized()) {
            text.append(", ").append(parameter.role()).append(" L2 ").append(parameter.l2());
        }
        return text.toString();
    }

    private List<ParameterSpec> regularized() {
        return layer.parameters().stream().filter(ParameterSpec::regularized).toList();
    }

    /** The expression of the value of {@code layer}'s output, or of the model's input if null. */
    static String valueOf(LayerWriter layer) {
        return layer == null ? "input" : layer.value();
    }

    /**
     * Propagates the gradient of the layer's output to its parameters and, if {@code inputGradient}
     * (an expression) is not null, to its input.
     *
     * @param input the expression of the input's value
     * @param preActivation whether the output's gradient is already the gradient before the
     *     activation (the loss fused it with softmax), so the activation's backward is skipped
     */
    abstract void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation);

    /** Turns the output's gradient into the gradient before the activation, in place, unless there is nothing to do. */
    protected void activationBackward(CodeBlock.Builder code, boolean preActivation) {
        if (!preActivation && activation() != Activation.LINEAR) {
            code.addStatement("$T.backward($T.$L, $L, $L)", RuntimeTypes.ACTIVATIONS, RuntimeTypes.ACTIVATION,
                    activation().name(), value(), gradient());
        }
    }

    /** The expression of the layer's output for the batch: {@code hidden.value()}. */
    String value() {
        return names.value() + ".value()";
    }

    /** The expression of the gradient of the layer's output: {@code hidden.gradient()}. */
    String gradient() {
        return names.value() + ".gradient()";
    }

    /** A parameter's value, or {@code null} if the layer has no such parameter (a Dense without bias). */
    protected String parameterValue(String role) {
        return has(role) ? names.parameter(role) + ".value()" : "null";
    }

    /** A parameter's gradient, or {@code null} if the layer has no such parameter. */
    protected String parameterGradient(String role) {
        return has(role) ? names.parameter(role) + ".gradient()" : "null";
    }

    private boolean has(String role) {
        return layer.parameters().stream().anyMatch(p -> p.role().equals(role));
    }

    /** The output shape after the batch, for comments: {@code (batch, 512)}. */
    String outputShape() {
        return "(batch, " + layer.output().toString().substring(1);
    }

    static String dims(int[] dims) {
        StringBuilder text = new StringBuilder();
        for (int d : dims) {
            text.append(text.length() == 0 ? "" : ", ").append(d);
        }
        return text.toString();
    }
}
