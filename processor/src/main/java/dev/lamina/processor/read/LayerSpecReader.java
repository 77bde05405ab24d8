package dev.lamina.processor.read;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.AveragePool2D;
import dev.lamina.dsl.Conv2D;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.Dropout;
import dev.lamina.dsl.DropoutSpec;
import dev.lamina.dsl.MaxPool2D;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pool2DSpec;
import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.FlattenSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.ReLU;
import dev.lamina.dsl.ReLUSpec;
import dev.lamina.dsl.Reshape;
import dev.lamina.dsl.ReshapeSpec;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** Turns a layer annotation into its {@link LayerSpec}: the one place that knows each annotation's attributes. */
final class LayerSpecReader {
    private final AnnotationValues values;

    LayerSpecReader(AnnotationValues values) {
        this.values = values;
    }

    /** The spec of {@code annotation}, or empty if it is a layer annotation this processor does not know. */
    Optional<LayerSpec> read(AnnotationMirror annotation) throws UnreadableValueException {
        String type = ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
        if (type.equals(Dense.class.getName())) {
            return Optional.of(new DenseSpec(
                    values.intValue(annotation, "units"),
                    values.enumValue(annotation, "activation", Activation.class),
                    values.booleanValue(annotation, "useBias")));
        }
        if (type.equals(Flatten.class.getName())) {
            return Optional.of(new FlattenSpec());
        }
        if (type.equals(Reshape.class.getName())) {
            return Optional.of(new ReshapeSpec(values.intArray(annotation, "value")));
        }
        if (type.equals(Conv2D.class.getName())) {
            return Optional.of(new Conv2DSpec(
                    values.intValue(annotation, "filters"),
                    values.intArray(annotation, "kernel"),
                    values.intArray(annotation, "strides"),
                    values.enumValue(annotation, "padding", Padding.class),
                    values.enumValue(annotation, "activation", Activation.class),
                    values.booleanValue(annotation, "useBias")));
        }
        if (type.equals(MaxPool2D.class.getName()) || type.equals(AveragePool2D.class.getName())) {
            return Optional.of(new Pool2DSpec(
                    type.equals(MaxPool2D.class.getName()) ? Pooling.MAX : Pooling.AVERAGE,
                    values.intArray(annotation, "value"),
                    values.intArray(annotation, "strides"),
                    values.enumValue(annotation, "padding", Padding.class)));
        }
        if (type.equals(ReLU.class.getName())) {
            return Optional.of(new ReLUSpec());
        }
        if (type.equals(Dropout.class.getName())) {
            return Optional.of(new DropoutSpec(values.doubleValue(annotation, "value")));
        }
        return Optional.empty();
    }
}
