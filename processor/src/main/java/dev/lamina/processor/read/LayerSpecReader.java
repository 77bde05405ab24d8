package dev.lamina.processor.read;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.FlattenSpec;
import dev.lamina.dsl.LayerSpec;
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
        return Optional.empty();
    }
}
