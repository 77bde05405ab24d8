package dev.lamina.processor.read;

import dev.lamina.dsl.LayerSpec;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * One layer of a model as written: its field, its annotation and what the annotation says.
 *
 * @param name the field's name, which names the layer everywhere
 */
public record LayerDescription(VariableElement field, AnnotationMirror annotation, String name, LayerSpec spec) {
}
