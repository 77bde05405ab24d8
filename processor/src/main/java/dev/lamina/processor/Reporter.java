package dev.lamina.processor;

import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/** Prints diagnostics through javac's (or ECJ's) Messager, at the most precise position known. */
final class Reporter {
    private final Messager messager;

    Reporter(Messager messager) {
        this.messager = messager;
    }

    void report(Diagnostic diagnostic) {
        if (diagnostic.annotation() == null) {
            messager.printMessage(diagnostic.kind(), diagnostic.message(), diagnostic.element());
            return;
        }
        AnnotationValue value = element(explicitValue(diagnostic.annotation(), diagnostic.attribute()), diagnostic.index());
        if (value == null) {
            messager.printMessage(diagnostic.kind(), diagnostic.message(), diagnostic.element(), diagnostic.annotation());
        } else {
            messager.printMessage(diagnostic.kind(), diagnostic.message(), diagnostic.element(), diagnostic.annotation(), value);
        }
    }

    /**
     * The value at {@code index} of an array value, where javac then points (at "c2" in {@code
     * @Add({"c1", "c2"})}); the value itself for -1, or if it is no array (one name written without
     * braces) or has no such index.
     */
    private static AnnotationValue element(AnnotationValue value, int index) {
        if (value != null && index >= 0 && value.getValue() instanceof List<?> values && index < values.size()) {
            return (AnnotationValue) values.get(index);
        }
        return value;
    }

    /** The value written in source for {@code attribute}; null for a default or for no attribute. */
    private static AnnotationValue explicitValue(AnnotationMirror annotation, String attribute) {
        if (attribute == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
