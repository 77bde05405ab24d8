package dev.lamina.processor;

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
        AnnotationValue value = explicitValue(diagnostic.annotation(), diagnostic.attribute());
        if (value == null) {
            messager.printMessage(diagnostic.kind(), diagnostic.message(), diagnostic.element(), diagnostic.annotation());
        } else {
            messager.printMessage(diagnostic.kind(), diagnostic.message(), diagnostic.element(), diagnostic.annotation(), value);
        }
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
