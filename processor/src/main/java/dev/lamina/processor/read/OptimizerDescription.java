package dev.lamina.processor.read;

import dev.lamina.dsl.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;

/**
 * The optimizer a model declares, with Keras' default learning rate and weight decay filled in where
 * none was given.
 *
 * @param annotation the {@code @Optimizer} mirror, for messages about its values
 * @param weightDecay 0 for none
 * @param clipNorm {@link Optimizer#NO_CLIPPING} (infinite) for none, as {@code globalClipNorm} and {@code clipValue}
 */
public record OptimizerDescription(AnnotationMirror annotation, Optimizer.Kind kind, double learningRate,
                                   double momentum, boolean nesterov, double rho, double beta1, double beta2,
                                   double epsilon, double weightDecay, double clipNorm, double globalClipNorm,
                                   double clipValue) {

    /** The clipping attributes that are set, by name, in the annotation's order. */
    public Map<String, Double> clipping() {
        Map<String, Double> set = new LinkedHashMap<>();
        put(set, "clipNorm", clipNorm);
        put(set, "globalClipNorm", globalClipNorm);
        put(set, "clipValue", clipValue);
        return set;
    }

    private static void put(Map<String, Double> set, String name, double value) {
        if (value != Optimizer.NO_CLIPPING) {
            set.put(name, value);
        }
    }
}
