package dev.lamina.runtime.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One layer of a Keras model: its name, class and settings from the model's config, and its weights
 * from the weights file, in Keras' order.
 */
record KerasLayer(String name, String className, JsonNode config, List<KerasWeight> weights) {

    KerasLayer {
        weights = List.copyOf(weights);
    }

    /** "dense_1 (Dense)", as messages name it. */
    String label() {
        return "Keras layer '" + name + "' (" + className + ")";
    }

    /** A setting of the config, or null when the config does not give it. */
    JsonNode setting(String key) {
        JsonNode value = config.get(key);
        return value == null || value.isNull() ? null : value;
    }
}
