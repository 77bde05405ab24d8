package dev.lamina.processor.read;

import static java.util.Map.entry;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.ActivationLayer;
import dev.lamina.dsl.ActivationLayerSpec;
import dev.lamina.dsl.Add;
import dev.lamina.dsl.AddSpec;
import dev.lamina.dsl.Average;
import dev.lamina.dsl.AverageSpec;
import dev.lamina.dsl.AveragePool2D;
import dev.lamina.dsl.BatchNormalization;
import dev.lamina.dsl.BatchNormalizationSpec;
import dev.lamina.dsl.Normalization;
import dev.lamina.dsl.NormalizationSpec;
import dev.lamina.dsl.Concatenate;
import dev.lamina.dsl.ConcatenateSpec;
import dev.lamina.dsl.Conv2D;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.FillMode;
import dev.lamina.dsl.FlipMode;
import dev.lamina.dsl.Interpolation;
import dev.lamina.dsl.RandomFlip;
import dev.lamina.dsl.RandomFlipSpec;
import dev.lamina.dsl.RandomRotation;
import dev.lamina.dsl.RandomRotationSpec;
import dev.lamina.dsl.RandomTranslation;
import dev.lamina.dsl.RandomTranslationSpec;
import dev.lamina.dsl.RandomZoom;
import dev.lamina.dsl.RandomZoomSpec;
import dev.lamina.dsl.Rescaling;
import dev.lamina.dsl.RescalingSpec;
import dev.lamina.dsl.DropoutSpec;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.FlattenSpec;
import dev.lamina.dsl.GlobalAveragePooling2D;
import dev.lamina.dsl.GlobalMaxPooling2D;
import dev.lamina.dsl.GlobalPool2DSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.MaxPool2D;
import dev.lamina.dsl.MergeSpec;
import dev.lamina.dsl.Multiply;
import dev.lamina.dsl.MultiplySpec;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pool2DSpec;
import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.ReLUSpec;
import dev.lamina.dsl.Reshape;
import dev.lamina.dsl.ReshapeSpec;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Turns a layer annotation into its {@link LayerSpec}: the one place that knows each annotation's
 * attributes. {@code LayerSpecReaderTest} checks that every layer annotation of the dsl has an entry.
 */
final class LayerSpecReader {
    /** Reads one kind of annotation's attributes into its spec. */
    private interface Reading {
        LayerSpec read(AnnotationValues values, AnnotationMirror annotation) throws UnreadableValueException;
    }

    private static final Map<String, Reading> READINGS = Map.ofEntries(
            entry(name(Dense.class), (values, a) -> new DenseSpec(values.intValue(a, "units"),
                    values.enumValue(a, "activation", Activation.class), values.booleanValue(a, "useBias"),
                    values.doubleValue(a, "kernelL2"))),
            entry(name(Conv2D.class), (values, a) -> new Conv2DSpec(values.intValue(a, "filters"),
                    values.intArray(a, "kernel"), values.intArray(a, "strides"),
                    values.enumValue(a, "padding", Padding.class), values.enumValue(a, "activation", Activation.class),
                    values.booleanValue(a, "useBias"), values.doubleValue(a, "kernelL2"))),
            entry(name(MaxPool2D.class), (values, a) -> pool(Pooling.MAX, values, a)),
            entry(name(AveragePool2D.class), (values, a) -> pool(Pooling.AVERAGE, values, a)),
            entry(name(Dropout.class), (values, a) -> new DropoutSpec(values.doubleValue(a, "value"))),
            entry(name(Flatten.class), (values, a) -> new FlattenSpec()),
            entry(name(Reshape.class), (values, a) -> new ReshapeSpec(values.intArray(a, "value"))),
            entry(name(ReLU.class), (values, a) -> new ReLUSpec()),
            entry(name(GlobalMaxPooling2D.class), (values, a) -> new GlobalPool2DSpec(Pooling.MAX)),
            entry(name(GlobalAveragePooling2D.class), (values, a) -> new GlobalPool2DSpec(Pooling.AVERAGE)),
            entry(name(ActivationLayer.class), (values, a) -> new ActivationLayerSpec(
                    values.enumValue(a, "value", Activation.class))),
            entry(name(Add.class), (values, a) -> new AddSpec(values.stringList(a, "value"))),
            entry(name(Multiply.class), (values, a) -> new MultiplySpec(values.stringList(a, "value"))),
            entry(name(Average.class), (values, a) -> new AverageSpec(values.stringList(a, "value"))),
            entry(name(Concatenate.class), (values, a) -> new ConcatenateSpec(values.stringList(a, "value"),
                    values.intValue(a, "axis"))),
            entry(name(Normalization.class), (values, a) -> new NormalizationSpec()),
            entry(name(Rescaling.class), (values, a) -> new RescalingSpec(values.doubleValue(a, "scale"),
                    values.doubleValue(a, "offset"))),
            entry(name(RandomFlip.class), (values, a) -> new RandomFlipSpec(values.enumValue(a, "mode", FlipMode.class))),
            entry(name(RandomTranslation.class), (values, a) -> new RandomTranslationSpec(values.doubleValue(a, "height"),
                    values.doubleValue(a, "width"), values.enumValue(a, "fill", FillMode.class))),
            entry(name(RandomRotation.class), (values, a) -> new RandomRotationSpec(values.doubleValue(a, "value"),
                    values.enumValue(a, "fill", FillMode.class), values.enumValue(a, "interpolation", Interpolation.class))),
            entry(name(RandomZoom.class), (values, a) -> new RandomZoomSpec(values.doubleValue(a, "height"),
                    values.doubleValue(a, "width"), values.enumValue(a, "fill", FillMode.class),
                    values.enumValue(a, "interpolation", Interpolation.class))),
            entry(name(BatchNormalization.class), (values, a) -> new BatchNormalizationSpec(values.intValue(a, "axis"),
                    values.doubleValue(a, "momentum"), values.doubleValue(a, "epsilon"), values.booleanValue(a, "center"),
                    values.booleanValue(a, "scale"))));

    private final AnnotationValues values;

    LayerSpecReader(AnnotationValues values) {
        this.values = values;
    }

    /** The qualified names of the annotations read here. */
    static Set<String> annotations() {
        return READINGS.keySet();
    }

    /**
     * The layer whose output a one-input layer takes, as its {@code from} names it: empty for the
     * field before it. A merge names its inputs in its spec.
     */
    String from(AnnotationMirror annotation, LayerSpec spec) throws UnreadableValueException {
        return spec instanceof MergeSpec ? "" : values.stringValue(annotation, "from");
    }

    /** The spec of {@code annotation}, or empty if it is a layer annotation this processor does not know. */
    Optional<LayerSpec> read(AnnotationMirror annotation) throws UnreadableValueException {
        String type = ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
        Reading reading = READINGS.get(type);
        return reading == null ? Optional.empty() : Optional.of(reading.read(values, annotation));
    }

    private static LayerSpec pool(Pooling pooling, AnnotationValues values, AnnotationMirror a)
            throws UnreadableValueException {
        return new Pool2DSpec(pooling, values.intArray(a, "value"), values.intArray(a, "strides"),
                values.enumValue(a, "padding", Padding.class));
    }

    private static String name(Class<? extends Annotation> annotation) {
        return annotation.getName();
    }
}
