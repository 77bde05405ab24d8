package dev.lamina.processor.read;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.AveragePool2D;
import dev.lamina.dsl.BatchNormalization;
import dev.lamina.dsl.BatchNormalizationSpec;
import dev.lamina.dsl.Conv2D;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.DropoutSpec;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.FlattenSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.MaxPool2D;
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

    private static final Map<String, Reading> READINGS = Map.of(
            name(Dense.class), (values, a) -> new DenseSpec(values.intValue(a, "units"),
                    values.enumValue(a, "activation", Activation.class), values.booleanValue(a, "useBias")),
            name(Conv2D.class), (values, a) -> new Conv2DSpec(values.intValue(a, "filters"),
                    values.intArray(a, "kernel"), values.intArray(a, "strides"),
                    values.enumValue(a, "padding", Padding.class), values.enumValue(a, "activation", Activation.class),
                    values.booleanValue(a, "useBias")),
            name(MaxPool2D.class), (values, a) -> pool(Pooling.MAX, values, a),
            name(AveragePool2D.class), (values, a) -> pool(Pooling.AVERAGE, values, a),
            name(Dropout.class), (values, a) -> new DropoutSpec(values.doubleValue(a, "value")),
            name(Flatten.class), (values, a) -> new FlattenSpec(),
            name(Reshape.class), (values, a) -> new ReshapeSpec(values.intArray(a, "value")),
            name(ReLU.class), (values, a) -> new ReLUSpec(),
            name(BatchNormalization.class), (values, a) -> new BatchNormalizationSpec(values.intValue(a, "axis"),
                    values.doubleValue(a, "momentum"), values.doubleValue(a, "epsilon"), values.booleanValue(a, "center"),
                    values.booleanValue(a, "scale")));

    private final AnnotationValues values;

    LayerSpecReader(AnnotationValues values) {
        this.values = values;
    }

    /** The qualified names of the annotations read here. */
    static Set<String> annotations() {
        return READINGS.keySet();
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
