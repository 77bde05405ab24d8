package dev.lamina.runtime.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.dsl.Activation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/**
 * A Keras model's config as a Lamina {@code @Model} class: the Java source the annotation processor
 * then checks and generates a network from, into which {@code loadKerasWeights} copies the file's
 * weights. Each Keras layer becomes a field named after it ({@code conv2d_1} is {@code conv2d1}); a
 * layer that does not take the one before it says {@code from}; the loss, optimizer and metrics come
 * from how the model was compiled, if it was. A layer or setting Lamina has no equivalent for is
 * refused with every such layer listed, never translated into something that computes otherwise.
 *
 * <p>From the command line: {@code scripts/keras-to-java.sh model.h5 com.example.MnistCnn [source root]}.
 */
public final class KerasTranslator {
    private final Path file;
    private final KerasModel model;
    /** Each Keras layer's field name, by the Keras name. */
    private final Map<String, String> fields = new HashMap<>();
    private final Set<String> problems = new LinkedHashSet<>();
    private final Set<String> imports = new TreeSet<>();

    private KerasTranslator(Path file, KerasModel model) {
        this.file = file;
        this.model = model;
    }

    /**
     * The source of {@code qualifiedName} ({@code "com.example.MnistCnn"}, or a simple name for the
     * unnamed package), a {@code @Model} class of the model in {@code file}, a Keras 3 {@code .keras}
     * or a legacy {@code .h5} file.
     *
     * @throws KerasFormatException if the file is not a Keras model, or a layer or setting has no Lamina equivalent
     */
    public static String javaSource(Path file, String qualifiedName) throws IOException {
        if (!SourceVersion.isName(qualifiedName)) {
            throw new IllegalArgumentException(qualifiedName + " is not a Java class name");
        }
        return new KerasTranslator(file, KerasFile.read(file)).source(qualifiedName);
    }

    /** {@code <file> <qualified class name> [source root]}: writes the class's .java file under the root (".") and says where. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: keras-to-java <model.keras or model.h5> <qualified class name> [source root]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String name = args[1];
        try {
            String source = javaSource(file, name);
            Path target = Path.of(args.length == 3 ? args[2] : ".").resolve(name.replace('.', '/') + ".java");
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, source);
            System.out.println("Wrote " + target + ". Its network, " + simpleName(name) + "Network, takes the weights"
                    + " with loadKerasWeights(Path.of(\"" + file + "\")).");
        } catch (KerasFormatException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private String source(String qualifiedName) throws KerasFormatException {
        List<KerasLayer> layers = model.layers().stream().filter(l -> !KerasKinds.isInput(l.className())).toList();
        if (layers.isEmpty()) {
            throw new KerasFormatException(file, "holds a model without layers");
        }
        int[] input = inputShape();
        nameFields(layers);
        List<String[]> rows = new ArrayList<>();
        String previous = null;
        for (KerasLayer layer : layers) {
            String annotation = annotation(layer, previous);
            if (annotation != null) {
                rows.add(new String[] {annotation, fields.get(layer.name())});
            }
            previous = layer.name();
        }
        String head = head(layers);
        if (!problems.isEmpty()) {
            throw new KerasFormatException(file, "cannot be written as a Lamina model:\n  - " + String.join("\n  - ", problems));
        }
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
        StringBuilder body = new StringBuilder();
        for (String[] row : rows) {
            body.append("    ").append(row[0]).append(" ".repeat(width - row[0].length() + 1)).append("Layer ")
                    .append(row[1]).append(";\n");
        }
        int dot = qualifiedName.lastIndexOf('.');
        String packageLine = dot < 0 ? "" : "package " + qualifiedName.substring(0, dot) + ";\n\n";
        imports.add("dev.lamina.dsl.Layer");
        imports.add("dev.lamina.dsl.Model");
        StringBuilder source = new StringBuilder(packageLine);
        imports.forEach(i -> source.append("import ").append(i).append(";\n"));
        source.append("\n/**\n * Translated by Lamina from the Keras model in ").append(file.getFileName())
                .append(" (").append(model.format()).append(", Keras ").append(model.kerasVersion()).append(").\n")
                .append(" * Its weights: {@code ").append(simpleName(qualifiedName))
                .append("Network.create(0).loadKerasWeights(path)}.\n */\n")
                .append("@Model(input = ").append(braces(input)).append(", ").append(head).append(")\n")
                .append("public class ").append(simpleName(qualifiedName)).append(" {\n").append(body).append("}\n");
        return source.toString();
    }

    /** The sample shape the model takes: its InputLayer's, or (Keras 2) the first layer's batch_input_shape. */
    private int[] inputShape() throws KerasFormatException {
        for (KerasLayer layer : model.layers()) {
            for (String key : List.of("batch_shape", "batch_input_shape")) {
                JsonNode shape = layer.setting(key);
                if (shape != null && shape.isArray() && shape.size() > 1) {
                    int[] dims = new int[shape.size() - 1];
                    for (int i = 0; i < dims.length; i++) {
                        if (!shape.get(i + 1).canConvertToInt()) {
                            throw new KerasFormatException(file, "takes inputs of shape " + shape + ", not all known:"
                                    + " a Lamina model's input has a fixed shape");
                        }
                        dims[i] = shape.get(i + 1).asInt();
                    }
                    return dims;
                }
            }
        }
        throw new KerasFormatException(file, "does not say its input's shape (no InputLayer, no batch_input_shape):"
                + " build the model with keras.Input(shape=...) before saving it");
    }

    /** Java field names from Keras' layer names: camel case, valid, not a keyword, none twice. */
    private void nameFields(List<KerasLayer> layers) {
        Set<String> taken = new TreeSet<>(List.of("input"));
        for (KerasLayer layer : layers) {
            StringBuilder name = new StringBuilder();
            for (String part : layer.name().split("[^A-Za-z0-9]+")) {
                if (!part.isEmpty()) {
                    name.append(name.length() == 0 ? part.substring(0, 1).toLowerCase(Locale.ROOT)
                            : part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
                }
            }
            String base = name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0)) ? "layer" + name : name.toString();
            String field = base;
            for (int i = 2; taken.contains(field) || SourceVersion.isKeyword(field); i++) {
                field = base + i;
            }
            taken.add(field);
            fields.put(layer.name(), field);
        }
    }

    /** The layer's annotation, or null for one Lamina needs none for; an unsupported one is added to the problems. */
    private String annotation(KerasLayer layer, String previous) {
        List<String> sources = sources(layer);
        String from = "";
        boolean merge = List.of("Add", "Multiply", "Average", "Concatenate").contains(layer.className());
        boolean fromInput = sources.size() == 1 && inputs().contains(sources.get(0));
        if (!merge && sources.size() == 1 && !sources.get(0).equals(previous) && !(fromInput && previous == null)) {
            from = ", from = " + (fields.containsKey(sources.get(0)) ? "\"" + fields.get(sources.get(0)) + "\"" : "Model.INPUT");
        }
        String kind = KerasKinds.laminaKind(layer.className());
        if (kind == null) {
            problems.add(layer.label() + ": Lamina has no " + layer.className() + " layer (it has "
                    + String.join(", ", supported()) + ")");
            return null;
        }
        return switch (kind) {
            case "Dense" -> use("Dense", "units = " + layer.setting("units").asInt() + activation(layer)
                    + bias(layer) + from);
            case "Conv2D" -> conv(layer, from);
            case "MaxPool2D", "AveragePool2D" -> pool(layer, kind, from);
            case "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> use(kind, from.isEmpty() ? null : from.substring(2));
            case "Flatten" -> use("Flatten", from.isEmpty() ? null : from.substring(2));
            case "Reshape" -> use("Reshape", "value = " + braces(KerasSettings.pair(layer.setting("target_shape"))) + from);
            case "Dropout" -> use("Dropout", "value = " + decimal(layer.setting("rate").asDouble()) + from);
            case "BatchNormalization" -> use("BatchNormalization", "momentum = " + number(layer, "momentum", 0.99)
                    + ", epsilon = " + number(layer, "epsilon", 1e-3) + ", center = " + flag(layer, "center")
                    + ", scale = " + flag(layer, "scale") + from);
            case "Rescaling" -> use("Rescaling", "scale = " + number(layer, "scale", 1) + ", offset = "
                    + number(layer, "offset", 0) + from);
            case "ReLU" -> relu(layer, from);
            case "ActivationLayer" -> {
                Activation activation = activationOf(layer);
                yield activation == null ? null : importing("dev.lamina.dsl.Activation",
                        use("ActivationLayer", "value = Activation." + activation.name() + from));
            }
            case "Add", "Multiply", "Average" -> use(kind, "{" + quoted(sources) + "}");
            case "Concatenate" -> use("Concatenate", "value = {" + quoted(sources) + "}, axis = "
                    + (layer.setting("axis") == null ? -1 : layer.setting("axis").asInt()));
            case "Normalization" -> normalization(layer, from);
            case "RandomFlip" -> flip(layer, from);
            case "RandomTranslation" -> use("RandomTranslation", "height = " + factor(layer, "height_factor")
                    + ", width = " + factor(layer, "width_factor") + fill(layer) + from);
            case "RandomRotation" -> use("RandomRotation", "value = " + factor(layer, "factor") + fill(layer)
                    + interpolation(layer) + from);
            case "RandomZoom" -> use("RandomZoom", "height = " + factor(layer, "height_factor")
                    + (layer.setting("width_factor") == null ? "" : ", width = " + factor(layer, "width_factor"))
                    + fill(layer) + interpolation(layer) + from);
            default -> {
                problems.add(layer.label() + ": no translation for Lamina's " + kind);
                yield null;
            }
        };
    }

    private String conv(KerasLayer layer, String from) {
        int[] kernel = KerasSettings.pair(layer.setting("kernel_size"));
        int[] strides = KerasSettings.pair(layer.setting("strides"));
        String settings = "filters = " + layer.setting("filters").asInt() + ", kernel = " + braces(kernel)
                + (strides == null || Arrays.equals(strides, new int[] {1, 1}) ? "" : ", strides = " + braces(strides))
                + padding(layer) + activation(layer) + bias(layer) + from;
        int[] dilation = KerasSettings.pair(layer.setting("dilation_rate"));
        if (dilation != null && !Arrays.equals(dilation, new int[] {1, 1})) {
            problems.add(layer.label() + ": dilation_rate " + layer.setting("dilation_rate") + "; Lamina's Conv2D is undilated");
        }
        if (layer.setting("groups") != null && layer.setting("groups").asInt() != 1) {
            problems.add(layer.label() + ": groups " + layer.setting("groups") + "; Lamina's Conv2D is not grouped");
        }
        channelsLast(layer);
        return use("Conv2D", settings);
    }

    private String pool(KerasLayer layer, String kind, String from) {
        int[] size = KerasSettings.pair(layer.setting("pool_size"));
        int[] strides = KerasSettings.pair(layer.setting("strides"));
        channelsLast(layer);
        String settings = "value = " + braces(size == null ? new int[] {2, 2} : size)
                + (strides == null || Arrays.equals(strides, size) ? "" : ", strides = " + braces(strides))
                + padding(layer) + from;
        return use(kind, settings);
    }

    /** Keras' Normalization over the last axis, whose mean and variance the weights file holds. */
    private String normalization(KerasLayer layer, String from) {
        JsonNode axis = layer.setting("axis");
        boolean last = axis == null || axis.isInt() && axis.asInt() == -1
                || axis.isArray() && axis.size() == 1 && axis.get(0).asInt() == -1;
        if (!last) {
            problems.add(layer.label() + ": axis " + axis + "; Lamina's Normalization standardizes the last axis");
        }
        if (layer.setting("invert") != null && layer.setting("invert").asBoolean()) {
            problems.add(layer.label() + ": invert = true; Lamina's Normalization standardizes, it does not undo it");
        }
        return use("Normalization", from.isEmpty() ? null : from.substring(2));
    }

    private String flip(KerasLayer layer, String from) {
        JsonNode mode = layer.setting("mode");
        String constant = switch (mode == null ? "horizontal_and_vertical" : mode.asText()) {
            case "horizontal" -> "HORIZONTAL";
            case "vertical" -> "VERTICAL";
            case "horizontal_and_vertical" -> "HORIZONTAL_AND_VERTICAL";
            default -> {
                problems.add(layer.label() + ": mode " + mode + "; Lamina flips horizontal, vertical or both");
                yield "HORIZONTAL_AND_VERTICAL";
            }
        };
        imports.add("dev.lamina.dsl.FlipMode");
        return use("RandomFlip", "mode = FlipMode." + constant + from);
    }

    /** A random layer's factor: one number (Keras' symmetric range); a range of two is refused. */
    private String factor(KerasLayer layer, String key) {
        JsonNode value = layer.setting(key);
        if (value != null && value.isArray() && value.size() == 2
                && Math.abs(value.get(0).asDouble() + value.get(1).asDouble()) < 1e-12) {
            return decimal(Math.abs(value.get(0).asDouble()));
        }
        if (value == null || !value.isNumber()) {
            problems.add(layer.label() + ": " + key + " " + value + "; Lamina's random layers take one factor f, drawn in"
                    + " [-f, f]");
            return "0";
        }
        return decimal(Math.abs(value.asDouble()));
    }

    private String fill(KerasLayer layer) {
        JsonNode mode = layer.setting("fill_mode");
        String name = mode == null ? "reflect" : mode.asText();
        if (!List.of("reflect", "constant", "wrap", "nearest").contains(name)) {
            problems.add(layer.label() + ": fill_mode " + mode + "; Lamina has reflect, constant, wrap and nearest");
            return "";
        }
        JsonNode value = layer.setting("fill_value");
        if (name.equals("constant") && value != null && value.asDouble() != 0) {
            problems.add(layer.label() + ": fill_value " + value + "; Lamina's constant fill is 0");
        }
        if (name.equals("reflect")) {
            return "";
        }
        imports.add("dev.lamina.dsl.FillMode");
        return ", fill = FillMode." + name.toUpperCase(Locale.ROOT);
    }

    private String interpolation(KerasLayer layer) {
        JsonNode value = layer.setting("interpolation");
        if (value == null || value.asText().equals("bilinear")) {
            return "";
        }
        if (value.asText().equals("nearest")) {
            imports.add("dev.lamina.dsl.Interpolation");
            return ", interpolation = Interpolation.NEAREST";
        }
        problems.add(layer.label() + ": interpolation " + value + "; Lamina has bilinear and nearest");
        return "";
    }

    private String relu(KerasLayer layer, String from) {
        for (String setting : List.of("max_value", "negative_slope", "threshold")) {
            JsonNode value = layer.setting(setting);
            if (value != null && value.asDouble() != 0) {
                problems.add(layer.label() + ": " + setting + " " + value + "; Lamina's ReLU is max(x, 0)");
            }
        }
        return use("ReLU", from.isEmpty() ? null : from.substring(2));
    }

    /**
     * The attributes after the layers: classes or outputs, the loss, fromLogits, the optimizer and the
     * metrics, from the training config; without one, what the last layer implies.
     */
    private String head(List<KerasLayer> layers) {
        imports.add("dev.lamina.dsl.Loss");
        KerasLayer last = layers.get(layers.size() - 1);
        // The output's width: the last Dense's units (an Activation or Dropout may follow it).
        KerasLayer widest = last;
        for (int i = layers.size() - 1; i >= 0 && widest.setting("units") == null
                && List.of("Activation", "Dropout", "ReLU").contains(widest.className()); i--) {
            widest = layers.get(i);
        }
        JsonNode training = model.training();
        JsonNode loss = training == null ? null : training.get("loss");
        String lossName = loss == null || loss.isNull() ? null
                : loss.isObject() ? loss.path("class_name").asText() : loss.asText();
        boolean fromLogits = loss != null && loss.isObject() && loss.path("config").path("from_logits").asBoolean(false);
        Activation out = last.className().equals("Activation") || last.setting("activation") != null
                ? KerasSettings.activation(last.setting("activation")) : null;
        JsonNode unitsNode = widest.setting("units");
        int units = unitsNode == null ? 0 : unitsNode.asInt();
        String lossConstant = lossName == null ? (out == Activation.SIGMOID ? "BINARY_CROSSENTROPY"
                : out == Activation.SOFTMAX ? "SPARSE_CATEGORICAL_CROSSENTROPY" : "MEAN_SQUARED_ERROR")
                : lossConstant(lossName);
        if (lossConstant == null) {
            problems.add("the loss " + lossName + ": Lamina has categorical, sparse categorical and binary crossentropy,"
                    + " mean squared and absolute error and Huber");
            return "";
        }
        String task = switch (lossConstant) {
            case "CATEGORICAL_CROSSENTROPY", "SPARSE_CATEGORICAL_CROSSENTROPY" -> "classes = " + units;
            case "BINARY_CROSSENTROPY" -> units == 1 ? "classes = 2" : "outputs = " + units;
            default -> "outputs = " + units;
        };
        if (units == 0) {
            problems.add(last.label() + ": the model must end in a Dense layer (or one and its Activation), whose"
                    + " units are the classes or outputs");
        }
        StringBuilder head = new StringBuilder(task).append(", loss = Loss.").append(lossConstant);
        if (fromLogits) {
            head.append(", fromLogits = true");
        }
        head.append(optimizer(training));
        List<String> metrics = metrics(training);
        if (!metrics.isEmpty()) {
            imports.add("dev.lamina.dsl.Metric");
            head.append(",\n       metrics = ").append(metrics.size() == 1 ? metrics.get(0) : "{" + String.join(", ", metrics) + "}");
        }
        return head.toString();
    }

    private static String lossConstant(String name) {
        return switch (name) {
            case "categorical_crossentropy", "CategoricalCrossentropy" -> "CATEGORICAL_CROSSENTROPY";
            case "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy" -> "SPARSE_CATEGORICAL_CROSSENTROPY";
            case "binary_crossentropy", "BinaryCrossentropy" -> "BINARY_CROSSENTROPY";
            case "mse", "mean_squared_error", "MeanSquaredError" -> "MEAN_SQUARED_ERROR";
            case "mae", "mean_absolute_error", "MeanAbsoluteError" -> "MEAN_ABSOLUTE_ERROR";
            case "huber", "huber_loss", "Huber" -> "HUBER";
            default -> null;
        };
    }

    /** The optimizer as Keras 3's compile_config or Keras 2's training_config gives it: its kind and rate. */
    private String optimizer(JsonNode training) {
        JsonNode optimizer = training == null ? null
                : training.has("optimizer_config") ? training.get("optimizer_config") : training.get("optimizer");
        if (optimizer == null || optimizer.isNull()) {
            return "";
        }
        String className = optimizer.isObject() ? optimizer.path("class_name").asText() : optimizer.asText();
        String kind = switch (className.toLowerCase(Locale.ROOT)) {
            case "sgd" -> "SGD";
            case "rmsprop" -> "RMSPROP";
            case "adam" -> "ADAM";
            case "adamw" -> "ADAMW";
            default -> null;
        };
        if (kind == null) {
            problems.add("the optimizer " + className + ": Lamina has SGD, RMSprop, Adam and AdamW");
            return "";
        }
        imports.add("dev.lamina.dsl.Optimizer");
        JsonNode config = optimizer.path("config");
        StringBuilder settings = new StringBuilder("kind = Optimizer.Kind." + kind);
        JsonNode rate = config.get("learning_rate");
        if (rate != null && rate.isNumber()) {
            settings.append(", learningRate = ").append(decimal(rate.asDouble()));
        } else if (rate != null && !rate.isNull()) {
            problems.add("the optimizer's learning rate " + rate + ": a schedule; Lamina's is a number in the model"
                    + " (give FitOptions.learningRate a LearningRateSchedule instead)");
        }
        Map<String, String> keras = Map.of("momentum", "momentum", "nesterov", "nesterov", "rho", "rho", "beta_1", "beta1",
                "beta_2", "beta2", "epsilon", "epsilon");
        for (String key : List.of("momentum", "nesterov", "rho", "beta_1", "beta_2", "epsilon")) {
            JsonNode value = config.get(key);
            if (value != null && (value.isNumber() || value.isBoolean()) && uses(kind, key)) {
                settings.append(", ").append(keras.get(key)).append(" = ")
                        .append(value.isBoolean() ? Boolean.toString(value.asBoolean()) : decimal(value.asDouble()));
            }
        }
        return ",\n       optimizer = @Optimizer(" + settings + ")";
    }

    private static boolean uses(String kind, String key) {
        return switch (key) {
            case "momentum", "nesterov" -> kind.equals("SGD") || kind.equals("RMSPROP") && key.equals("momentum");
            case "rho" -> kind.equals("RMSPROP");
            case "beta_1", "beta_2" -> kind.startsWith("ADAM");
            default -> true;
        };
    }

    /** Keras' metric names Lamina has, as Metric constants; the others are left out (they do not change the model). */
    private List<String> metrics(JsonNode training) {
        List<String> metrics = new ArrayList<>();
        JsonNode node = training == null ? null : training.get("metrics");
        if (node == null || !node.isArray()) {
            return metrics;
        }
        List<JsonNode> flat = new ArrayList<>();
        node.forEach(m -> {
            if (m.isArray()) {
                m.forEach(flat::add); // Keras 2 nests the metrics per output
            } else {
                flat.add(m);
            }
        });
        for (JsonNode metric : flat) {
            String name = metric.isObject() ? metric.path("config").path("name").asText(metric.path("class_name").asText())
                    : metric.asText();
            String constant = switch (name.toLowerCase(Locale.ROOT)) {
                case "accuracy", "acc", "categorical_accuracy", "sparse_categorical_accuracy", "binary_accuracy" -> "ACCURACY";
                case "auc" -> "AUC";
                case "precision" -> "PRECISION";
                case "recall" -> "RECALL";
                case "mae", "mean_absolute_error" -> "MAE";
                case "rmse", "root_mean_squared_error" -> "RMSE";
                default -> null;
            };
            if (constant != null && !metrics.contains("Metric." + constant)) {
                metrics.add("Metric." + constant);
            }
        }
        return metrics;
    }

    // Settings.

    private String activation(KerasLayer layer) {
        Activation activation = activationOf(layer);
        if (activation == null || activation == Activation.LINEAR) {
            return "";
        }
        imports.add("dev.lamina.dsl.Activation");
        return ", activation = Activation." + activation.name();
    }

    private Activation activationOf(KerasLayer layer) {
        Activation activation = KerasSettings.activation(layer.setting("activation"));
        if (activation == null) {
            problems.add(layer.label() + ": the activation " + layer.setting("activation") + "; Lamina has linear, relu,"
                    + " sigmoid, tanh, softmax, elu and leaky_relu");
        }
        return activation;
    }

    private static String bias(KerasLayer layer) {
        JsonNode bias = layer.setting("use_bias");
        return bias != null && !bias.asBoolean() ? ", useBias = false" : "";
    }

    private String padding(KerasLayer layer) {
        JsonNode padding = layer.setting("padding");
        if (padding == null || padding.asText().equals("valid")) {
            return "";
        }
        if (padding.asText().equals("same")) {
            imports.add("dev.lamina.dsl.Padding");
            return ", padding = Padding.SAME";
        }
        problems.add(layer.label() + ": padding " + padding + "; Lamina has valid and same");
        return "";
    }

    private void channelsLast(KerasLayer layer) {
        JsonNode format = layer.setting("data_format");
        if (format != null && format.asText().equals("channels_first")) {
            problems.add(layer.label() + ": channels_first; Lamina is channels-last (save the model channels-last)");
        }
    }

    private static String number(KerasLayer layer, String key, double otherwise) {
        JsonNode value = layer.setting(key);
        return decimal(value == null ? otherwise : value.asDouble());
    }

    /**
     * A number as Java source: Keras 2 kept settings as float32 and wrote them widened (0.001 as
     * 0.0010000000474974513), so a value that is a float is written as the float's shortest decimal.
     */
    static String decimal(double value) {
        return (double) (float) value == value ? Float.toString((float) value) : Double.toString(value);
    }

    private static String flag(KerasLayer layer, String key) {
        JsonNode value = layer.setting(key);
        return Boolean.toString(value == null || value.asBoolean());
    }

    /**
     * The Keras layers a layer takes, by name: Keras 3's {@code inbound_nodes} ({@code [{"args":
     * [{"class_name": "__keras_tensor__", "config": {"keras_history": [name, 0, 0]}}, ...]}]}, a merge's
     * tensors in a list) or Keras 2's ({@code [[[name, 0, 0, {}], ...]]}); none in a Sequential model.
     */
    private static List<String> sources(KerasLayer layer) {
        List<String> names = new ArrayList<>();
        JsonNode inbound = layer.inbound();
        if (inbound == null || !inbound.isArray() || inbound.isEmpty()) {
            return names;
        }
        collectSources(inbound.get(0), names);
        return names;
    }

    private static void collectSources(JsonNode node, List<String> names) {
        if (node.isObject()) {
            JsonNode history = node.path("config").path("keras_history");
            if (history.isArray() && !history.isEmpty()) {
                names.add(history.get(0).asText());
                return;
            }
            node.path("args").forEach(arg -> collectSources(arg, names));
        } else if (node.isArray()) {
            if (!node.isEmpty() && node.get(0).isTextual()) {
                names.add(node.get(0).asText()); // Keras 2: [name, node index, tensor index, kwargs]
            } else {
                node.forEach(child -> collectSources(child, names));
            }
        }
    }

    /** The names of the model's InputLayers, which a Lamina model calls its input. */
    private Set<String> inputs() {
        Set<String> names = new TreeSet<>();
        model.layers().stream().filter(l -> KerasKinds.isInput(l.className())).forEach(l -> names.add(l.name()));
        return names;
    }

    private String quoted(List<String> sources) {
        List<String> quoted = new ArrayList<>();
        for (String source : sources) {
            quoted.add(fields.containsKey(source) ? "\"" + fields.get(source) + "\"" : "Model.INPUT");
        }
        return String.join(", ", quoted);
    }

    private String use(String annotation, String settings) {
        imports.add("dev.lamina.dsl." + annotation);
        return "@" + annotation + (settings == null || settings.isEmpty() ? "" : "(" + settings + ")");
    }

    private String importing(String type, String annotation) {
        imports.add(type);
        return annotation;
    }

    private static List<String> supported() {
        return List.of("Dense", "Conv2D", "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D",
                "GlobalMaxPooling2D", "Flatten", "Reshape", "Dropout", "BatchNormalization", "Normalization", "Rescaling",
                "ReLU", "Activation", "Add", "Multiply", "Average", "Concatenate", "RandomFlip", "RandomTranslation",
                "RandomRotation", "RandomZoom");
    }

    private static String braces(int[] values) {
        return Arrays.toString(values).replace('[', '{').replace(']', '}');
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
