package dev.lamina.runtime.keras;

import java.util.List;

/**
 * A Keras model as read from a file: its layers in the config's order, each with its weights.
 *
 * @param format       which layout the file has, for messages: "Keras 3 .keras" or "legacy HDF5"
 * @param kerasVersion the version of Keras that wrote it, as the file says, or "unknown"
 */
record KerasModel(String format, String kerasVersion, List<KerasLayer> layers) {

    KerasModel {
        layers = List.copyOf(layers);
    }
}
