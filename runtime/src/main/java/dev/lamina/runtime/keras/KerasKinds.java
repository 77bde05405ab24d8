package dev.lamina.runtime.keras;

import java.util.Map;
import java.util.Set;

/** Which Lamina layer kind each Keras layer class is, and which layers may be absent on one side. */
final class KerasKinds {
    private KerasKinds() {
    }

    /** Keras' class names (and their aliases) by Lamina's kind ({@code LayerSpec.kind()}). */
    private static final Map<String, String> LAMINA_KIND = Map.ofEntries(
            Map.entry("Dense", "Dense"),
            Map.entry("Conv2D", "Conv2D"),
            Map.entry("Convolution2D", "Conv2D"),
            Map.entry("MaxPooling2D", "MaxPool2D"),
            Map.entry("MaxPool2D", "MaxPool2D"),
            Map.entry("AveragePooling2D", "AveragePool2D"),
            Map.entry("AvgPool2D", "AveragePool2D"),
            Map.entry("GlobalAveragePooling2D", "GlobalAveragePooling2D"),
            Map.entry("GlobalAvgPool2D", "GlobalAveragePooling2D"),
            Map.entry("GlobalMaxPooling2D", "GlobalMaxPooling2D"),
            Map.entry("GlobalMaxPool2D", "GlobalMaxPooling2D"),
            Map.entry("Flatten", "Flatten"),
            Map.entry("Reshape", "Reshape"),
            Map.entry("Dropout", "Dropout"),
            Map.entry("BatchNormalization", "BatchNormalization"),
            Map.entry("Normalization", "Normalization"),
            Map.entry("Rescaling", "Rescaling"),
            Map.entry("ReLU", "ReLU"),
            Map.entry("Activation", "ActivationLayer"),
            Map.entry("Add", "Add"),
            Map.entry("Multiply", "Multiply"),
            Map.entry("Average", "Average"),
            Map.entry("Concatenate", "Concatenate"),
            Map.entry("RandomFlip", "RandomFlip"),
            Map.entry("RandomTranslation", "RandomTranslation"),
            Map.entry("RandomRotation", "RandomRotation"),
            Map.entry("RandomZoom", "RandomZoom"));

    /**
     * The kinds that leave every value where it is at inference and have no weights: a row-major
     * Flatten or Reshape moves no value, Dropout and the random augmentation layers pass their input
     * through outside training. One side may have one where the other has none (a Lamina model
     * reshapes its (28, 28) input to (28, 28, 1), where the Keras model took (28, 28, 1) in); where both
     * have one they pair up.
     */
    private static final Set<String> PASS_THROUGH = Set.of("Flatten", "Reshape", "Dropout", "RandomFlip",
            "RandomTranslation", "RandomRotation", "RandomZoom");

    /** Lamina's kind for a Keras class; null for one Lamina has no layer for. */
    static String laminaKind(String kerasClass) {
        return LAMINA_KIND.get(kerasClass);
    }

    static boolean passesThrough(String laminaKind) {
        return PASS_THROUGH.contains(laminaKind);
    }

    /** Keras' InputLayer: the model's input, which a Lamina model declares in @Model(input = ...), not as a layer. */
    static boolean isInput(String kerasClass) {
        return kerasClass.equals("InputLayer");
    }
}
