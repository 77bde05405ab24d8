package dev.lamina.runtime.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of a layer's weights in Keras' order. A {@code .keras} file numbers a layer's weights
 * ({@code vars/0}, {@code vars/1}) where a legacy file names them; this is the order Keras' layers
 * create them in, which both follow.
 */
final class KerasRoles {
    private KerasRoles() {
    }

    static List<String> of(String className, JsonNode config) {
        boolean useBias = !config.path("use_bias").isBoolean() || config.path("use_bias").asBoolean();
        return switch (className) {
            case "Dense", "Conv2D", "Convolution2D" -> useBias ? List.of("kernel", "bias") : List.of("kernel");
            case "BatchNormalization" -> {
                List<String> roles = new ArrayList<>();
                if (!config.path("scale").isBoolean() || config.path("scale").asBoolean()) {
                    roles.add("gamma");
                }
                if (!config.path("center").isBoolean() || config.path("center").asBoolean()) {
                    roles.add("beta");
                }
                roles.add("moving_mean");
                roles.add("moving_variance");
                yield roles;
            }
            case "Normalization" -> List.of("mean", "variance", "count");
            default -> List.of();
        };
    }
}
