package dev.lamina.runtime.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Keras model as read from a file: its layers in the config's order, each with its weights.
 *
 * @param format       which layout the file has, for messages: "Keras 3 .keras" or "legacy HDF5"
 * @param kerasVersion the version of Keras that wrote it, as the file says, or "unknown"
 * @param training     how the model was compiled (loss, optimizer, metrics): Keras 3's
 *                     {@code compile_config}, a legacy file's {@code training_config}; null if it was not
 */
record KerasModel(String format, String kerasVersion, List<KerasLayer> layers, JsonNode training) {

    KerasModel {
        layers = List.copyOf(layers);
    }
}
