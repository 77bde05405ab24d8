package dev.lamina.runtime.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One layer of a Keras model: its name, class and settings from the model's config, the layers it
 * takes (a Functional model's {@code inbound_nodes}, as the file spells them; missing in a
 * Sequential's), and its weights from the weights file, in Keras' order.
 */
record KerasLayer(String name, String className, JsonNode config, JsonNode inbound, List<KerasWeight> weights) {

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
