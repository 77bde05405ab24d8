package dev.lamina.processor.read;

import dev.lamina.dsl.LayerSpec;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * One layer of a model as written: its field, its annotation and what the annotation says.
 *
 * @param name the field's name, which names the layer everywhere
 * @param from the layer whose output it takes as its {@code from} names it, or empty for the field
 *     before it; a merge lists its inputs in its spec instead
 */
public record LayerDescription(VariableElement field, AnnotationMirror annotation, String name, LayerSpec spec,
                               String from) {
}
