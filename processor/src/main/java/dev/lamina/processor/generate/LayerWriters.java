package dev.lamina.processor.generate;

import dev.lamina.dsl.ActivationLayerSpec;
import dev.lamina.dsl.AddSpec;
import dev.lamina.dsl.AverageSpec;
import dev.lamina.dsl.BatchNormalizationSpec;
import dev.lamina.dsl.NormalizationSpec;
import dev.lamina.dsl.ConcatenateSpec;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.DropoutSpec;
import dev.lamina.dsl.FlattenSpec;
import dev.lamina.dsl.GlobalPool2DSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.MultiplySpec;
import dev.lamina.dsl.Pool2DSpec;
import dev.lamina.dsl.RandomFlipSpec;
import dev.lamina.dsl.RandomRotationSpec;
import dev.lamina.dsl.RandomTranslationSpec;
import dev.lamina.dsl.RandomZoomSpec;
import dev.lamina.dsl.ReLUSpec;
import dev.lamina.dsl.RescalingSpec;
import dev.lamina.dsl.ReshapeSpec;
import dev.lamina.processor.check.CheckedLayer;
import java.util.Locale;

/**
 * The writer of each kind of layer. A visitor of the layer specs, so that a kind without a writer is
 * a compile error here.
 */
final class LayerWriters implements LayerSpec.Visitor<LayerWriter> {
    private final CheckedLayer layer;
    private final LayerNames names;
    private final boolean inputNeedsGradient;

    private LayerWriters(CheckedLayer layer, LayerNames names, boolean inputNeedsGradient) {
        this.layer = layer;
        this.names = names;
        this.inputNeedsGradient = inputNeedsGradient;
    }

    /** The writer of {@code layer}; {@code inputNeedsGradient} tells whether a trainable layer comes before it. */
    static LayerWriter of(CheckedLayer layer, LayerNames names, boolean inputNeedsGradient) {
        return layer.layer().spec().accept(new LayerWriters(layer, names, inputNeedsGradient));
    }

    @Override
    public LayerWriter dense(DenseSpec dense) {
        return new DenseWriter(layer, names, dense);
    }

    @Override
    public LayerWriter conv2D(Conv2DSpec conv) {
        return new Conv2DWriter(layer, names, conv, inputNeedsGradient);
    }

    @Override
    public LayerWriter pool2D(Pool2DSpec pool) {
        return new Pool2DWriter(layer, names, pool);
    }

    @Override
    public LayerWriter dropout(DropoutSpec dropout) {
        return new DropoutWriter(layer, names, dropout);
    }

    @Override
    public LayerWriter flatten(FlattenSpec flatten) {
        return new ViewWriter(layer, names, "Flatten");
    }

    @Override
    public LayerWriter reshape(ReshapeSpec reshape) {
        return new ViewWriter(layer, names, "Reshape" + layer.output());
    }

    @Override
    public LayerWriter relu(ReLUSpec relu) {
        return new ActivationWriter(layer, names, relu.kind());
    }

    @Override
    public LayerWriter add(AddSpec add) {
        return new AddWriter(layer, names);
    }

    @Override
    public LayerWriter multiply(MultiplySpec multiply) {
        return new MultiplyWriter(layer, names);
    }

    @Override
    public LayerWriter average(AverageSpec average) {
        return new AverageWriter(layer, names);
    }

    @Override
    public LayerWriter concatenate(ConcatenateSpec concatenate) {
        return new ConcatenateWriter(layer, names, concatenate);
    }

    @Override
    public LayerWriter globalPool2D(GlobalPool2DSpec pool) {
        return new GlobalPool2DWriter(layer, names, pool);
    }

    @Override
    public LayerWriter activationLayer(ActivationLayerSpec activation) {
        return new ActivationWriter(layer, names,
                activation.kind() + "(" + activation.activation().name().toLowerCase(Locale.ROOT) + ")");
    }

    @Override
    public LayerWriter batchNormalization(BatchNormalizationSpec batchNormalization) {
        return new BatchNormalizationWriter(layer, names, batchNormalization);
    }

    @Override
    public LayerWriter normalization(NormalizationSpec normalization) {
        return new NormalizationWriter(layer, names);
    }

    @Override
    public LayerWriter rescaling(RescalingSpec rescaling) {
        return new RescalingWriter(layer, names, rescaling);
    }

    @Override
    public LayerWriter randomFlip(RandomFlipSpec flip) {
        return new RandomImageWriter(layer, names, flip);
    }

    @Override
    public LayerWriter randomTranslation(RandomTranslationSpec translation) {
        return new RandomImageWriter(layer, names, translation);
    }

    @Override
    public LayerWriter randomRotation(RandomRotationSpec rotation) {
        return new RandomImageWriter(layer, names, rotation);
    }

    @Override
    public LayerWriter randomZoom(RandomZoomSpec zoom) {
        return new RandomImageWriter(layer, names, zoom);
    }
}
