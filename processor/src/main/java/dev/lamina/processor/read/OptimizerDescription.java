package dev.lamina.processor.read;

import dev.lamina.dsl.Optimizer;
import javax.lang.model.element.AnnotationMirror;

/**
 * The optimizer a model declares, with Keras' default learning rate filled in where none was given.
 *
 * @param annotation the {@code @Optimizer} mirror, for messages about its values
 */
public record OptimizerDescription(AnnotationMirror annotation, Optimizer.Kind kind, double learningRate,
                                   double momentum, boolean nesterov, double rho, double beta1, double beta2,
                                   double epsilon) {
}
