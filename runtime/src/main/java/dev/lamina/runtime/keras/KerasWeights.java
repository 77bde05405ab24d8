package dev.lamina.runtime.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.dsl.Shape;
import dev.lamina.runtime.optimizers.Parameter;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.LayerDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads the weights of a model saved by Keras into a generated network whose layers are the same:
 * the import half of "Keras in". The network's class says what the model is; the file gives the
 * numbers, and is checked against the class layer by layer before a single weight is copied.
 *
 * <h2>How layers pair up</h2>
 * Both models are read in order: Keras' layers as its config lists them (its InputLayer left out),
 * Lamina's as the fields declare them. A layer pairs with the next one of the same kind on the other
 * side; a layer that moves no value and has no weights (Flatten, Reshape, Dropout, the random
 * augmentation layers) may be absent on one side. Anything else is refused with a
 * {@link KerasMismatchException}: a layer missing or extra, another kind, another activation, bias,
 * window, padding or normalization setting, a weight of another shape. Within a pair, weights are
 * matched by Keras' names (kernel, bias, gamma, beta, moving_mean, moving_variance, mean, variance,
 * count) in Keras' order, which is Lamina's ({@code LayerSpec.parameters}).
 *
 * <p>Lamina is channels-last, as Keras' default, so a kernel is copied as it is: a Dense kernel is
 * (inputs, units) and a Conv2D kernel (height, width, channels, filters) on both sides, and both
 * Flatten a (height, width, channels) map row-major.
 */
public final class KerasWeights {
    private KerasWeights() {
    }

    /**
     * Copies the weights of the Keras model in {@code file} (a Keras 3 {@code .keras} file or a legacy
     * {@code .h5} one) into {@code network}, after checking that its layers are the network's. On any
     * exception the network's weights are unchanged.
     *
     * @throws KerasFormatException   if the file is not a readable Keras model, or has a layer Lamina lacks
     * @throws KerasMismatchException if its layers are not the network's
     * @throws IOException            if the file cannot be read at all
     */
    public static void load(AbstractNetwork network, Path file) throws IOException {
        KerasModel model = KerasFile.read(file);
        List<Copy> copies = new KerasWeights.Pairing(network, file, model).copies();
        network.changeWeights(() -> {
            for (Copy copy : copies) {
                INDArray target = copy.parameter().value();
                target.assign(Nd4j.create(copy.weight().values(), target.shape(), 'c').castTo(target.dataType()));
            }
        });
    }

    /** One Keras weight to copy into one parameter. */
    private record Copy(KerasWeight weight, Parameter parameter) {
    }

    /** Walks both models' layers side by side, checking each pair and collecting the copies. */
    private static final class Pairing {
        private final AbstractNetwork network;
        private final Path file;
        private final KerasModel model;
        private final List<Copy> copies = new ArrayList<>();

        Pairing(AbstractNetwork network, Path file, KerasModel model) {
            this.network = network;
            this.file = file;
            this.model = model;
        }

        List<Copy> copies() throws IOException {
            List<KerasLayer> keras = new ArrayList<>();
            for (KerasLayer layer : model.layers()) {
                if (KerasKinds.isInput(layer.className())) {
                    checkInput(layer);
                } else if (KerasKinds.laminaKind(layer.className()) == null) {
                    throw new KerasFormatException(file, "has " + layer.label() + ", a kind of layer Lamina does not"
                            + " have, so no Lamina network can take its weights. Lamina reads Dense, Conv2D, MaxPooling2D,"
                            + " AveragePooling2D, global poolings, Flatten, Reshape, Dropout, BatchNormalization,"
                            + " Normalization, Rescaling, ReLU, Activation, Add, Multiply, Average, Concatenate and"
                            + " the random image layers");
                } else {
                    keras.add(layer);
                }
            }
            List<LayerDefinition> lamina = network.layers();
            int k = 0;
            int l = 0;
            while (k < keras.size() || l < lamina.size()) {
                KerasLayer kerasLayer = k < keras.size() ? keras.get(k) : null;
                LayerDefinition laminaLayer = l < lamina.size() ? lamina.get(l) : null;
                String kerasKind = kerasLayer == null ? null : KerasKinds.laminaKind(kerasLayer.className());
                if (kerasLayer != null && laminaLayer != null && kerasKind.equals(laminaLayer.spec().kind())) {
                    pair(kerasLayer, laminaLayer);
                    k++;
                    l++;
                } else if (laminaLayer != null && KerasKinds.passesThrough(laminaLayer.spec().kind())) {
                    l++;
                } else if (kerasLayer != null && KerasKinds.passesThrough(kerasKind)) {
                    k++;
                } else if (laminaLayer == null) {
                    throw mismatch(kerasLayer.label() + " has no counterpart in " + network.modelName() + ", whose layers"
                            + " end before it (its last is " + field(lamina.get(lamina.size() - 1)) + "). Add a "
                            + kerasKind + " layer at the end of " + network.modelName() + ", or load the Keras model it was"
                            + " written for");
                } else if (kerasLayer == null) {
                    throw mismatch(field(laminaLayer) + " of " + network.modelName() + " has no counterpart in the Keras"
                            + " model, whose layers end before it (its last is " + keras.get(keras.size() - 1).label()
                            + "). Remove the field, or load the Keras model " + network.modelName() + " was written for");
                } else {
                    throw mismatch(kerasLayer.label() + ", Keras' " + ordinal(k + 1) + " layer, meets "
                            + field(laminaLayer) + " of " + network.modelName() + ": a " + kerasKind + " where Lamina has a "
                            + laminaLayer.spec().kind() + ". A layer is missing on one side or they are in another"
                            + " order: " + network.modelName() + " needs a " + kerasKind + " field before "
                            + "`" + laminaLayer.name() + "`, or the Keras model a " + laminaLayer.spec().kind() + " layer"
                            + " before '" + kerasLayer.name() + "'");
                }
            }
            return copies;
        }

        /** The Keras model's input must hold as many values per sample as the network's. */
        private void checkInput(KerasLayer input) throws KerasMismatchException {
            JsonNode shape = input.setting("batch_shape") != null ? input.setting("batch_shape")
                    : input.setting("batch_input_shape");
            if (shape == null || !shape.isArray()) {
                return;
            }
            long size = 1;
            List<String> dims = new ArrayList<>();
            for (int i = 1; i < shape.size(); i++) {
                if (!shape.get(i).canConvertToLong()) {
                    return; // a dimension left open: any size fits
                }
                size *= shape.get(i).asLong();
                dims.add(shape.get(i).asText());
            }
            Shape lamina = network.inputShape();
            if (size != lamina.size()) {
                throw mismatch("the Keras model takes inputs of shape (" + String.join(", ", dims) + ") but "
                        + network.modelName() + " takes " + lamina + ": change @Model(input = ...) to the Keras shape");
            }
        }

        private void pair(KerasLayer keras, LayerDefinition lamina) throws KerasMismatchException {
            Shape input = lamina.inputs().isEmpty() ? network.inputShape() : lamina.inputs().get(0);
            List<KerasSettings.Difference> differences = KerasSettings.compare(keras, lamina.spec(), input);
            if (!differences.isEmpty()) {
                KerasSettings.Difference first = differences.get(0);
                throw mismatch(keras.label() + " and " + field(lamina) + " of " + network.modelName() + " differ in "
                        + first.setting() + ": Keras has " + first.keras() + ", Lamina " + first.lamina()
                        + (differences.size() > 1 ? " (and " + (differences.size() - 1) + " more setting"
                        + (differences.size() > 2 ? "s" : "") + ")" : "") + ". Fix: " + first.fix());
            }
            List<Parameter> parameters = network.parameters().stream()
                    .filter(parameter -> parameter.layer().equals(lamina.name())).toList();
            List<KerasWeight> weights = keras.weights();
            if (weights.size() != parameters.size()) {
                throw mismatch(keras.label() + " has " + weights.size() + " weight arrays " + roles(weights) + " but "
                        + field(lamina) + " has " + parameters.size() + " " + parameterRoles(parameters)
                        + ": the layers are set up differently");
            }
            for (int i = 0; i < weights.size(); i++) {
                KerasWeight weight = weights.get(i);
                Parameter parameter = parameters.get(i);
                String role = parameter.name().substring(parameter.name().lastIndexOf('/') + 1);
                if (!weight.role().equals(role)) {
                    throw mismatch(keras.label() + "'s weight " + (i + 1) + " is its " + weight.role() + " (" + weight.path()
                            + ") where " + field(lamina) + " has its " + role);
                }
                if (!fits(weight.shape(), parameter.value().shape(), lamina.spec().kind())) {
                    throw mismatch(keras.label() + "'s " + role + " is " + weight.shapeText() + " but "
                            + field(lamina) + "'s is " + shapeText(parameter.value().shape()) + whatToChange(role, lamina));
                }
                copies.add(new Copy(weight, parameter));
            }
        }

        /**
         * Whether a Keras weight of {@code keras}'s shape fills a Lamina parameter of {@code lamina}'s: the
         * same shape, or for a Normalization, whose statistics Keras keeps in a broadcastable shape and
         * whose count is a scalar, the same number of values.
         */
        private static boolean fits(long[] keras, long[] lamina, String kind) {
            if (kind.equals("Normalization")) {
                return Arrays.stream(keras).reduce(1, Math::multiplyExact) == Arrays.stream(lamina).reduce(1, Math::multiplyExact);
            }
            return Arrays.equals(keras, lamina);
        }

        private static String whatToChange(String role, LayerDefinition lamina) {
            String kind = lamina.spec().kind();
            if (role.equals("kernel") && kind.equals("Dense")) {
                return ": (inputs, units); the units or what comes before `" + lamina.name() + "` differ"
                        + " (its input is " + lamina.inputs().get(0) + ")";
            }
            if (role.equals("kernel") && kind.equals("Conv2D")) {
                return ": (kernel height, kernel width, input channels, filters); the kernel, the filters or the"
                        + " channels coming in differ (its input is " + lamina.inputs().get(0) + ")";
            }
            return ": the layers before it differ (its input is " + lamina.inputs().get(0) + ")";
        }

        private KerasMismatchException mismatch(String problem) {
            return new KerasMismatchException(file, problem);
        }

        private static String field(LayerDefinition layer) {
            return "field `" + layer.name() + "` (" + layer.spec().kind() + ", output " + layer.output() + ")";
        }

        private static String roles(List<KerasWeight> weights) {
            return weights.stream().map(KerasWeight::role).toList().toString();
        }

        private static String parameterRoles(List<Parameter> parameters) {
            return parameters.stream().map(p -> p.name().substring(p.name().lastIndexOf('/') + 1)).toList().toString();
        }

        private static String shapeText(long[] shape) {
            return Arrays.toString(shape).replace('[', '(').replace(']', ')');
        }

        private static String ordinal(int n) {
            String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
                    : switch (n % 10) {
                        case 1 -> "st";
                        case 2 -> "nd";
                        case 3 -> "rd";
                        default -> "th";
                    };
            return n + suffix;
        }
    }
}
