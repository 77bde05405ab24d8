package dev.lamina.runtime.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.dsl.Activation;
import dev.lamina.dsl.ActivationLayerSpec;
import dev.lamina.dsl.BatchNormalizationSpec;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pool2DSpec;
import dev.lamina.dsl.RescalingSpec;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Window2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares the settings of a Keras layer's config that change what it computes with those of the
 * Lamina layer paired with it: two layers of one kind with the same weights but another activation,
 * bias, window or padding would load without complaint and predict something else. Settings that
 * matter in training only (a Dropout's rate, a BatchNormalization's momentum) are not compared.
 */
final class KerasSettings {
    private KerasSettings() {
    }

    /** One setting that differs: its Keras name, each side's value, and what to write on the Lamina side. */
    record Difference(String setting, String keras, String lamina, String fix) {
    }

    static List<Difference> compare(KerasLayer keras, LayerSpec spec, Shape input) {
        List<Difference> differences = new ArrayList<>();
        if (spec instanceof DenseSpec dense) {
            compareInt(differences, "units", keras, dense.units(), "units = ");
            compareActivation(differences, keras, dense.activation());
            compareBias(differences, keras, dense.useBias());
        } else if (spec instanceof Conv2DSpec conv) {
            compareInt(differences, "filters", keras, conv.filters(), "filters = ");
            Window2D window = conv.window();
            compareInts(differences, "kernel_size", keras, new int[] {window.height(), window.width()}, "kernel = ");
            compareInts(differences, "strides", keras, new int[] {window.strideHeight(), window.strideWidth()}, "strides = ");
            comparePadding(differences, keras, conv.padding());
            compareActivation(differences, keras, conv.activation());
            compareBias(differences, keras, conv.useBias());
            requireChannelsLast(differences, keras);
            JsonNode dilation = keras.setting("dilation_rate");
            if (dilation != null && !Arrays.equals(pair(dilation), new int[] {1, 1})) {
                differences.add(new Difference("dilation_rate", dilation.toString(), "(1, 1)",
                        "Lamina's Conv2D has no dilation; this model cannot be imported"));
            }
            JsonNode groups = keras.setting("groups");
            if (groups != null && groups.asInt() != 1) {
                differences.add(new Difference("groups", groups.toString(), "1",
                        "Lamina's Conv2D has no groups; this model cannot be imported"));
            }
        } else if (spec instanceof Pool2DSpec pool) {
            int[] size = {pool.window().height(), pool.window().width()};
            int[] strides = {pool.window().strideHeight(), pool.window().strideWidth()};
            compareTuple(differences, "pool_size", pair(keras.setting("pool_size")), size, "value = ");
            JsonNode kerasStrides = keras.setting("strides");
            // Keras' strides default to the pool's size, as Lamina's do.
            compareTuple(differences, "strides", kerasStrides == null ? pair(keras.setting("pool_size")) : pair(kerasStrides),
                    strides, "strides = ");
            comparePadding(differences, keras, pool.padding());
            requireChannelsLast(differences, keras);
        } else if (spec instanceof BatchNormalizationSpec norm) {
            int kerasAxis = keras.setting("axis") == null ? -1
                    : keras.setting("axis").isArray() && keras.setting("axis").size() == 1
                    ? keras.setting("axis").get(0).asInt() : keras.setting("axis").isInt() ? keras.setting("axis").asInt() : 0;
            boolean kerasLast = kerasAxis == -1 || kerasAxis == input.rank();
            if (!kerasLast) {
                differences.add(new Difference("axis", String.valueOf(keras.setting("axis")), "the last axis",
                        "Lamina normalizes the last (channel) axis only; this model cannot be imported"));
            }
            compareDouble(differences, "epsilon", keras, norm.epsilon(), "epsilon = ");
            compareBoolean(differences, "center", keras, norm.center(), "center = ");
            compareBoolean(differences, "scale", keras, norm.scale(), "scale = ");
        } else if (spec instanceof ActivationLayerSpec activation) {
            compareActivation(differences, keras, activation.activation());
        } else if (spec instanceof RescalingSpec rescaling) {
            compareDouble(differences, "scale", keras, rescaling.scale(), "scale = ");
            compareDouble(differences, "offset", keras, rescaling.offset(), "offset = ");
        } else if (spec.kind().equals("ReLU")) {
            for (String setting : List.of("max_value", "negative_slope", "threshold")) {
                JsonNode value = keras.setting(setting);
                if (value != null && value.asDouble() != 0) {
                    differences.add(new Difference(setting, value.toString(), "none",
                            "Lamina's ReLU is the plain max(x, 0); this model cannot be imported"));
                }
            }
        }
        return differences;
    }

    /** Lamina's activation for Keras' name, or null if Lamina has none of that name. */
    static Activation activation(JsonNode value) {
        if (value == null) {
            return Activation.LINEAR;
        }
        // Keras 3 may write a function as {"class_name": "function", "config": "relu"}.
        String name = value.isObject() ? value.path("config").asText(value.path("class_name").asText()) : value.asText();
        return switch (name) {
            case "linear", "" -> Activation.LINEAR;
            case "relu" -> Activation.RELU;
            case "sigmoid" -> Activation.SIGMOID;
            case "tanh" -> Activation.TANH;
            case "softmax" -> Activation.SOFTMAX;
            case "elu" -> Activation.ELU;
            case "leaky_relu" -> Activation.LEAKY_RELU; // Keras 3's default slope, 0.2, is Lamina's
            default -> null;
        };
    }

    private static void compareActivation(List<Difference> differences, KerasLayer keras, Activation lamina) {
        JsonNode value = keras.setting("activation");
        Activation kerasActivation = activation(value);
        String kerasName = value == null ? "linear" : value.isTextual() ? value.asText() : value.toString();
        if (kerasActivation == null) {
            differences.add(new Difference("activation", "'" + kerasName + "'", lamina.name(),
                    "Lamina has no activation '" + kerasName + "'; this model cannot be imported"));
        } else if (kerasActivation != lamina) {
            differences.add(new Difference("activation", "'" + kerasName + "'", lamina.name(),
                    "activation = " + kerasActivation.name()));
        }
    }

    private static void compareBias(List<Difference> differences, KerasLayer keras, boolean lamina) {
        compareBoolean(differences, "use_bias", keras, lamina, "useBias = ");
    }

    private static void compareBoolean(List<Difference> differences, String setting, KerasLayer keras, boolean lamina,
                                       String attribute) {
        JsonNode value = keras.setting(setting);
        boolean kerasValue = value == null || value.asBoolean(); // Keras' default is true for all three
        if (kerasValue != lamina) {
            differences.add(new Difference(setting, String.valueOf(kerasValue), String.valueOf(lamina), attribute + kerasValue));
        }
    }

    private static void compareInt(List<Difference> differences, String setting, KerasLayer keras, int lamina,
                                   String attribute) {
        JsonNode value = keras.setting(setting);
        if (value != null && value.asInt() != lamina) {
            differences.add(new Difference(setting, value.toString(), String.valueOf(lamina), attribute + value.asInt()));
        }
    }

    private static void compareDouble(List<Difference> differences, String setting, KerasLayer keras, double lamina,
                                      String attribute) {
        JsonNode value = keras.setting(setting);
        if (value != null && value.isNumber() && Math.abs(value.asDouble() - lamina) > 1e-9 * Math.max(1, Math.abs(lamina))) {
            differences.add(new Difference(setting, value.toString(), String.valueOf(lamina), attribute + value.asDouble()));
        }
    }

    private static void compareTuple(List<Difference> differences, String setting, int[] keras, int[] lamina,
                                     String attribute) {
        if (keras != null && !Arrays.equals(keras, lamina)) {
            differences.add(new Difference(setting, tuple(keras), tuple(lamina), attribute + braces(keras)));
        }
    }

    private static void compareInts(List<Difference> differences, String setting, KerasLayer keras, int[] lamina,
                                    String attribute) {
        compareTuple(differences, setting, pair(keras.setting(setting)), lamina, attribute);
    }

    private static void comparePadding(List<Difference> differences, KerasLayer keras, Padding lamina) {
        JsonNode value = keras.setting("padding");
        String kerasPadding = value == null ? "valid" : value.asText();
        if (!kerasPadding.equals(lamina.name().toLowerCase(Locale.ROOT))) {
            boolean known = kerasPadding.equals("valid") || kerasPadding.equals("same");
            differences.add(new Difference("padding", "'" + kerasPadding + "'", lamina.name(), known
                    ? "padding = Padding." + kerasPadding.toUpperCase(Locale.ROOT)
                    : "Lamina has no padding '" + kerasPadding + "'; this model cannot be imported"));
        }
    }

    private static void requireChannelsLast(List<Difference> differences, KerasLayer keras) {
        JsonNode value = keras.setting("data_format");
        if (value != null && !value.asText().equals("channels_last")) {
            differences.add(new Difference("data_format", "'" + value.asText() + "'", "channels_last",
                    "Lamina is channels-last only; save the model channels-last in Keras"));
        }
    }

    /** A Keras size or stride: an int for both dimensions, or a list of two. */
    static int[] pair(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isArray()) {
            int[] result = new int[value.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = value.get(i).asInt();
            }
            return result;
        }
        return new int[] {value.asInt(), value.asInt()};
    }

    private static String tuple(int[] values) {
        return Arrays.toString(values).replace('[', '(').replace(']', ')');
    }

    private static String braces(int[] values) {
        return Arrays.toString(values).replace('[', '{').replace(']', '}');
    }
}
