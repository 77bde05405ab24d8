package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.lamina.dsl.BatchNormalizationSpec;
import dev.lamina.processor.check.CheckedLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * BatchNormalization: {@code BatchNormKernel}'s calls, with the statistics of the last training batch
 * in a {@code BatchStatistics} of the layer's own. The forward pass never writes the moving
 * statistics, which inference passes on other threads read: {@link #updateStatistics} moves them,
 * after the optimizer's step and under the same lock.
 */
final class BatchNormalizationWriter extends LayerWriter {
    private final BatchNormalizationSpec spec;

    BatchNormalizationWriter(CheckedLayer layer, LayerNames names, BatchNormalizationSpec spec) {
        super(layer, names);
        this.spec = spec;
    }

    @Override
    String description() {
        return "BatchNormalization(momentum " + spec.momentum() + ", epsilon " + spec.epsilon()
                + (spec.center() ? "" : ", no beta") + (spec.scale() ? "" : ", no gamma") + ")";
    }

    @Override
    List<FieldSpec> otherFields() {
        int[] dims = layer.output().dims();
        return List.of(FieldSpec.builder(RuntimeTypes.BATCH_STATISTICS, names.batchStatistics(), Modifier.PRIVATE,
                        Modifier.FINAL)
                .addJavadoc("$L's mean and variance over its last training batch, which updateStatistics moves the"
                        + " moving statistics towards.", layer.name())
                .initializer("new $T(dataType(), $L)", RuntimeTypes.BATCH_STATISTICS, dims[dims.length - 1])
                .build());
    }

    @Override
    void forward(CodeBlock.Builder code, LayerWriter previous) {
        code.addStatement("$T.forward($L, $L, $L, $L, $L, $L, training, $N, $L)", RuntimeTypes.BATCH_NORM_KERNEL,
                valueOf(previous), parameterValue("gamma"), parameterValue("beta"), parameterValue("moving_mean"),
                parameterValue("moving_variance"), spec.epsilon(), names.batchStatistics(), value());
    }

    @Override
    void backward(CodeBlock.Builder code, String input, String inputGradient, boolean preActivation) {
        code.addStatement("$T.backward($L, $L, $N, $L, $L, $L, $L)", RuntimeTypes.BATCH_NORM_KERNEL, input,
                parameterValue("gamma"), names.batchStatistics(), gradient(), parameterGradient("gamma"),
                parameterGradient("beta"), inputGradient);
    }

    @Override
    void updateStatistics(CodeBlock.Builder code) {
        code.add("// $L: moving = moving * $L + batch * (1 - $L)\n", layer.name(), spec.momentum(), spec.momentum());
        code.addStatement("$T.updateMovingStatistics($N, $L, $L, $L)", RuntimeTypes.BATCH_NORM_KERNEL,
                names.batchStatistics(), spec.momentum(), parameterValue("moving_mean"), parameterValue("moving_variance"));
    }
}
