package dev.lamina.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * A message for the user, attached to the element at fault and, where one annotation value is at
 * fault, to that value, so that the compiler and the IDE point at it.
 *
 * @param annotation the annotation at fault, or null
 * @param attribute the attribute of {@code annotation} at fault, or null for the whole annotation
 * @param index the index of the value at fault in an array {@code attribute}, or -1 for all of it
 */
public record Diagnostic(Kind kind, Element element, AnnotationMirror annotation, String attribute, int index,
                         String message) {

    public static Diagnostic error(Element element, String message) {
        return new Diagnostic(Kind.ERROR, element, null, null, -1, message);
    }

    public static Diagnostic error(Element element, AnnotationMirror annotation, String attribute, String message) {
        return new Diagnostic(Kind.ERROR, element, annotation, attribute, -1, message);
    }

    /** An error on the value at {@code index} of the array {@code attribute}: one name of a merge's list. */
    public static Diagnostic error(Element element, AnnotationMirror annotation, String attribute, int index,
                                   String message) {
        return new Diagnostic(Kind.ERROR, element, annotation, attribute, index, message);
    }

    public static Diagnostic warning(Element element, AnnotationMirror annotation, String attribute, String message) {
        return new Diagnostic(Kind.WARNING, element, annotation, attribute, -1, message);
    }

    public boolean isError() {
        return kind == Kind.ERROR;
    }
}
