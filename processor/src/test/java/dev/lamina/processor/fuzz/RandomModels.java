package dev.lamina.processor.fuzz;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.ActivationLayerSpec;
import dev.lamina.dsl.AddSpec;
import dev.lamina.dsl.AverageSpec;
import dev.lamina.dsl.BatchNormalizationSpec;
import dev.lamina.dsl.ConcatenateSpec;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.FlattenSpec;
import dev.lamina.dsl.FillMode;
import dev.lamina.dsl.Interpolation;
import dev.lamina.dsl.FlipMode;
import dev.lamina.dsl.GlobalPool2DSpec;
import dev.lamina.dsl.RandomFlipSpec;
import dev.lamina.dsl.RandomRotationSpec;
import dev.lamina.dsl.RandomTranslationSpec;
import dev.lamina.dsl.RandomZoomSpec;
import dev.lamina.dsl.RescalingSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.MergeSpec;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.MultiplySpec;
import dev.lamina.dsl.NormalizationSpec;
import dev.lamina.dsl.Padding;
import dev.lamina.dsl.Pool2DSpec;
import dev.lamina.dsl.Pooling;
import dev.lamina.dsl.ReLUSpec;
import dev.lamina.dsl.ReshapeSpec;
import dev.lamina.dsl.Shape;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Random model classes as Java source: {@link #anyModel} for fuzzing (valid or not, with odd values),
 * {@link #validModel} for the differential check (small and valid by construction, built with the
 * DSL's own shape rules) and {@link #sizedModel} (valid but for sizes up to the integer limits, with
 * where it must fail). Layers are named by {@link FuzzNames}.
 */
final class RandomModels {
    private static final String[] ACTIVATIONS = {"LINEAR", "RELU", "SIGMOID", "TANH", "SOFTMAX", "LEAKY_RELU", "ELU"};
    private static final int[] ODD_INTS = {0, -1, -7, 1, 2, 3, 28, 784, Integer.MAX_VALUE, Integer.MIN_VALUE, 65536, 46341,
        Shape.MAX_ELEMENTS, Shape.MAX_ELEMENTS + 1};
    /** Sizes where products cross the limits: a square's side past the limit, 2^16, the limit and one past it, int's end. */
    private static final int[] EDGES = {1, 2, 46340, 46341, 65536, Shape.MAX_ELEMENTS, Shape.MAX_ELEMENTS + 1,
        Integer.MAX_VALUE};

    private static final String[] LOSSES = Arrays.stream(Loss.values()).map(Enum::name).toArray(String[]::new);
    private static final String[] METRICS = Arrays.stream(Metric.values()).map(Enum::name).toArray(String[]::new);

    private RandomModels() {
    }

    /**
     * A valid model built layer by layer, with the layers it declares, their names, and the names of
     * the layers each takes its inputs from ({@link Model#INPUT} for the model's input).
     */
    record ValidModel(String name, String source, int[] input, int classes, boolean fromLogits, List<LayerSpec> layers,
                      List<String> names, List<List<String>> sources) {
    }

    /** A small valid model; with {@code dropout} false it has no Dropout layer (for gradient checks). */
    static ValidModel validModel(Random random, String name, boolean dropout) {
        int[][] inputs = {{6, 5}, {12}, {5, 6, 2}, {7, 7}};
        int[] input = inputs[random.nextInt(inputs.length)];
        int classes = 2 + random.nextInt(4);
        boolean fromLogits = random.nextBoolean();
        Graph graph = new Graph(random, name, Shape.of(input));
        if (random.nextInt(4) == 0) {
            graph.add(new Candidate("@Normalization", new NormalizationSpec()), List.of(graph.last()), false);
        }
        int layers = 1 + random.nextInt(5);
        for (int i = 0; i < layers; i++) {
            if (random.nextBoolean() && graph.branch(dropout)) {
                continue;
            }
            Candidate candidate = validLayer(random, graph.shape(), dropout);
            if (candidate != null) {
                graph.add(candidate, List.of(graph.last()), false);
            }
        }
        if (graph.shape().rank() == 3 && random.nextInt(3) == 0) {
            // A global pool makes an image flat: no Flatten.
            graph.add(globalPool(random), List.of(graph.last()), false);
        } else if (graph.shape().rank() != 1) {
            graph.add(new Candidate("@Flatten", new FlattenSpec()), List.of(graph.last()), false);
        }
        // One class of many half the time; yes or no, yes/no labels and numbers a sixth each.
        int task = random.nextInt(6);
        String declaration;
        if (task < 3) {
            String activation = fromLogits ? "LINEAR" : "SOFTMAX";
            addOutput(random, graph, classes, activation, !fromLogits && random.nextInt(3) == 0);
            declaration = "classes = " + classes + ", loss = Loss."
                    + (random.nextBoolean() ? "CATEGORICAL_CROSSENTROPY" : "SPARSE_CATEGORICAL_CROSSENTROPY");
        } else if (task < 5) {
            classes = task == 3 ? 1 : classes;
            addOutput(random, graph, classes, fromLogits ? "LINEAR" : "SIGMOID", !fromLogits && random.nextInt(3) == 0);
            declaration = (task == 3 ? "classes = 2" : "outputs = " + classes) + ", loss = Loss.BINARY_CROSSENTROPY";
        } else {
            fromLogits = false;
            addOutput(random, graph, classes, new String[] {"LINEAR", "TANH", "SIGMOID"}[random.nextInt(3)], false);
            declaration = "outputs = " + classes + ", loss = Loss."
                    + new String[] {"MEAN_SQUARED_ERROR", "MEAN_ABSOLUTE_ERROR", "HUBER"}[random.nextInt(3)];
        }
        String attributes = "input = " + ints(input) + ", " + declaration
                + ", fromLogits = " + fromLogits + ", optimizer = @Optimizer(kind = Optimizer.Kind."
                + new String[] {"SGD", "RMSPROP", "ADAM", "ADAMW"}[random.nextInt(4)] + ")";
        return new ValidModel(name, source(name, attributes, graph.fields), input, classes, fromLogits, graph.specs,
                graph.names, graph.sources);
    }

    /**
     * The output layer: a Dense of {@code units} with {@code activation}, or, with {@code ownLayer}, a
     * linear Dense followed by an ActivationLayer applying it.
     */
    private static void addOutput(Random random, Graph graph, int units, String activation, boolean ownLayer) {
        String denseActivation = ownLayer ? "LINEAR" : activation;
        graph.add(new Candidate("@Dense(units = " + units + ", activation = " + denseActivation + ")",
                new DenseSpec(units, Activation.valueOf(denseActivation), true)), List.of(graph.last()), false);
        if (ownLayer) {
            graph.add(new Candidate("@ActivationLayer(" + activation + ")",
                    new ActivationLayerSpec(Activation.valueOf(activation))), List.of(graph.last()), false);
        }
    }

    /**
     * A valid model's layers as they are drawn: each takes the last one's output, or branches off an
     * earlier output (or the input) and merges back, so that every output is taken by a later layer.
     */
    private static final class Graph {
        private final Random random;
        private final String model;
        private final Set<String> taken = new HashSet<>();
        private final List<String> fields = new ArrayList<>();
        private final List<LayerSpec> specs = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<List<String>> sources = new ArrayList<>();
        /** Every output so far, the input's first. */
        private final List<String> outputs = new ArrayList<>(List.of(Model.INPUT));
        private final List<Shape> shapes = new ArrayList<>();

        Graph(Random random, String model, Shape input) {
            this.random = random;
            this.model = model;
            shapes.add(input);
        }

        String last() {
            return outputs.get(outputs.size() - 1);
        }

        Shape shape() {
            return shapes.get(shapes.size() - 1);
        }

        /** Adds a layer taking {@code from}'s outputs; {@code named} writes its from (one input) even if it is the last. */
        void add(Candidate candidate, List<String> from, boolean named) {
            String field = FuzzNames.draw(random, model, taken);
            String annotation = candidate.spec() instanceof MergeSpec || !named ? candidate.annotation()
                    : withFrom(candidate.annotation(), from.get(0));
            fields.add(annotation + " Layer " + field + ";");
            specs.add(candidate.spec());
            names.add(field);
            sources.add(from);
            List<Shape> inputs = from.stream().map(name -> shapes.get(outputs.indexOf(name))).toList();
            shapes.add(candidate.spec() instanceof MergeSpec merge ? merge.mergedShape(inputs)
                    : candidate.spec().outputShape(inputs.get(0)).orElseThrow());
            outputs.add(field);
        }

        /**
         * A layer on an earlier output (or the input), merged with the last output by an Add, Multiply
         * or Average where the shapes agree or a Concatenate on the last axis where the others do; false
         * if the drawn layer fits neither.
         */
        boolean branch(boolean dropout) {
            int earlier = random.nextInt(outputs.size());
            String start = outputs.get(earlier);
            Candidate side = random.nextInt(3) == 0 ? null : validLayer(random, shapes.get(earlier), dropout);
            Shape sideShape = side == null ? shapes.get(earlier) : side.spec().outputShape(shapes.get(earlier)).orElseThrow();
            boolean add = sideShape.equals(shape());
            boolean concatenate = sideShape.rank() == shape().rank()
                    && Arrays.equals(Arrays.copyOf(sideShape.dims(), sideShape.rank() - 1), Arrays.copyOf(shape().dims(), shape().rank() - 1));
            if (!add && !concatenate || side == null && start.equals(last())) {
                return false;
            }
            String main = last();
            if (side != null) {
                add(side, List.of(start), true);
                start = last();
            }
            List<String> merged = random.nextBoolean() ? List.of(main, start) : List.of(start, main);
            String list = merged.stream().map(n -> n.equals(Model.INPUT) ? "Model.INPUT" : "\"" + n + "\"")
                    .collect(Collectors.joining(", "));
            if (add && (!concatenate || random.nextBoolean())) {
                add(elementwise(random, list, merged), merged, false);
            } else {
                add(new Candidate("@Concatenate(value = {" + list + "}, axis = -1)", new ConcatenateSpec(merged, -1)),
                        merged, false);
            }
            return true;
        }

        /** {@code annotation} with {@code from} naming {@code source}: {@code @Dense(units = 3, from = "a")}. */
        static String withFrom(String annotation, String source) {
            String from = "from = " + (source.equals(Model.INPUT) ? "Model.INPUT" : "\"" + source + "\"");
            if (!annotation.endsWith(")")) {
                return annotation + "(" + from + ")";
            }
            int open = annotation.indexOf('(');
            String values = annotation.substring(open + 1, annotation.length() - 1);
            // A lone value written without its name (@Dropout(0.2)) needs it beside another.
            String named = values.isBlank() ? "" : (values.contains("=") ? values : "value = " + values) + ", ";
            return annotation.substring(0, open + 1) + named + from + ")";
        }
    }

    private record Candidate(String annotation, LayerSpec spec) {
    }

    /** An Add, Multiply or Average of {@code merged}, written {@code list} in the annotation. */
    private static Candidate elementwise(Random random, String list, List<String> merged) {
        return switch (random.nextInt(3)) {
            case 0 -> new Candidate("@Add({" + list + "})", new AddSpec(merged));
            case 1 -> new Candidate("@Multiply({" + list + "})", new MultiplySpec(merged));
            default -> new Candidate("@Average({" + list + "})", new AverageSpec(merged));
        };
    }

    /** An L2 factor for a kernel a third of the time, large enough for its gradient to count; 0, none, otherwise. */
    private static double kernelL2(Random random) {
        return random.nextInt(3) == 0 ? (1 + random.nextInt(5)) / 100.0 : 0;
    }

    /** {@code ", kernelL2 = 0.03"}, or nothing for 0, as a model writes it. */
    private static String kernelL2Setting(double l2) {
        return l2 == 0 ? "" : ", kernelL2 = " + l2;
    }

    private static Candidate validLayer(Random random, Shape shape, boolean dropout) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Candidate candidate = anyValidLayer(random, shape, dropout);
            if (candidate != null && candidate.spec.settingProblems().isEmpty()
                    && candidate.spec.inputProblem(shape, "l").isEmpty() && candidate.spec.outputShape(shape).isPresent()
                    && candidate.spec.outputShape(shape).get().size() > 0) {
                return candidate;
            }
        }
        return null;
    }

    private static Candidate anyValidLayer(Random random, Shape shape, boolean dropout) {
        String activation = ACTIVATIONS[random.nextInt(ACTIVATIONS.length)];
        if (activation.equals("SOFTMAX") && random.nextBoolean()) {
            activation = "TANH";
        }
        if (random.nextInt(8) == 0) {
            return new Candidate("@ReLU", new ReLUSpec());
        }
        if (random.nextInt(8) == 0) {
            return new Candidate("@ActivationLayer(" + activation + ")", new ActivationLayerSpec(Activation.valueOf(activation)));
        }
        if (shape.rank() == 3 && random.nextInt(8) == 0) {
            return globalPool(random);
        }
        if (random.nextInt(8) == 0) {
            return batchNormalization(random, shape);
        }
        if (random.nextInt(12) == 0) {
            return rescaling(random);
        }
        if (dropout && shape.rank() == 3 && random.nextInt(3) == 0) {
            // Random in training only, like Dropout: not in the models whose gradients are checked.
            return randomImageLayer(random);
        }
        switch (random.nextInt(dropout ? 6 : 5)) {
            case 0: {
                if (shape.rank() != 1) {
                    return new Candidate("@Flatten", new FlattenSpec());
                }
                int units = 1 + random.nextInt(6);
                boolean bias = random.nextBoolean();
                double l2 = kernelL2(random);
                return new Candidate("@Dense(units = " + units + ", activation = " + activation + ", useBias = " + bias
                        + kernelL2Setting(l2) + ")", new DenseSpec(units, Activation.valueOf(activation), bias, l2));
            }
            case 1: {
                if (shape.rank() != 3) {
                    int[] target = shape.rank() == 2 ? new int[] {shape.dim(0), shape.dim(1), 1}
                            : new int[] {2, (int) shape.size() / 2, -1};
                    return new Candidate("@Reshape(" + ints(target) + ")", new ReshapeSpec(target));
                }
                int filters = 1 + random.nextInt(3);
                int[] kernel = {1 + random.nextInt(3), 1 + random.nextInt(3)};
                int[] strides = {1 + random.nextInt(2), 1 + random.nextInt(2)};
                Padding padding = random.nextBoolean() ? Padding.SAME : Padding.VALID;
                boolean bias = random.nextBoolean();
                double l2 = kernelL2(random);
                return new Candidate("@Conv2D(filters = " + filters + ", kernel = " + ints(kernel) + ", strides = "
                        + ints(strides) + ", padding = Padding." + padding + ", activation = " + activation + ", useBias = "
                        + bias + kernelL2Setting(l2) + ")", new Conv2DSpec(filters, kernel, strides, padding,
                        Activation.valueOf(activation), bias, l2));
            }
            case 2:
            case 3: {
                if (shape.rank() != 3) {
                    return null;
                }
                Pooling pooling = random.nextBoolean() ? Pooling.MAX : Pooling.AVERAGE;
                int[] pool = {1 + random.nextInt(2), 1 + random.nextInt(2)};
                int[] strides = random.nextBoolean() ? new int[0] : new int[] {1 + random.nextInt(2), 1 + random.nextInt(2)};
                Padding padding = random.nextBoolean() ? Padding.SAME : Padding.VALID;
                String annotation = (pooling == Pooling.MAX ? "@MaxPool2D" : "@AveragePool2D") + "(value = " + ints(pool)
                        + (strides.length == 0 ? "" : ", strides = " + ints(strides)) + ", padding = Padding." + padding + ")";
                return new Candidate(annotation, new Pool2DSpec(pooling, pool, strides, padding));
            }
            case 4:
                return shape.rank() == 1 ? null : new Candidate("@Flatten", new FlattenSpec());
            default: {
                double rate = random.nextInt(5) / 10.0;
                return new Candidate("@Dropout(" + rate + ")", new dev.lamina.dsl.DropoutSpec(rate));
            }
        }
    }

    /** A Rescaling with its offset written or left to its default; the scale as a quotient now and then, as 1.0 / 255 is. */
    private static Candidate rescaling(Random random) {
        String[] scales = {"0.5", "2", "-1", "1.0 / 255", "0", "1"};
        double[] values = {0.5, 2, -1, 1.0 / 255, 0, 1};
        int drawn = random.nextInt(scales.length);
        double offset = random.nextBoolean() ? 0 : new double[] {-0.5, 1, 0.25}[random.nextInt(3)];
        String annotation = random.nextInt(4) == 0 && offset == 0 ? "@Rescaling(scale = " + scales[drawn] + ")"
                : "@Rescaling(scale = " + scales[drawn] + ", offset = " + offset + ")";
        return new Candidate(annotation, new RescalingSpec(values[drawn], offset));
    }

    /** A RandomFlip, RandomTranslation, RandomRotation or RandomZoom, with its settings drawn or left to their defaults. */
    private static Candidate randomImageLayer(Random random) {
        switch (random.nextInt(4)) {
            case 0: {
                if (random.nextBoolean()) {
                    return new Candidate("@RandomFlip", new RandomFlipSpec(FlipMode.HORIZONTAL_AND_VERTICAL));
                }
                FlipMode mode = FlipMode.values()[random.nextInt(FlipMode.values().length)];
                return new Candidate("@RandomFlip(mode = FlipMode." + mode + ")", new RandomFlipSpec(mode));
            }
            case 1: {
                double height = random.nextInt(11) / 10.0;
                double width = random.nextInt(11) / 10.0;
                String settings = "height = " + height + ", width = " + width;
                if (random.nextBoolean()) {
                    return new Candidate("@RandomTranslation(" + settings + ")",
                            new RandomTranslationSpec(height, width, FillMode.REFLECT));
                }
                FillMode fill = pick(random, FillMode.values());
                return new Candidate("@RandomTranslation(" + settings + ", fill = FillMode." + fill + ")",
                        new RandomTranslationSpec(height, width, fill));
            }
            case 2: {
                double factor = random.nextInt(11) / 10.0;
                if (random.nextBoolean()) {
                    return new Candidate("@RandomRotation(" + factor + ")",
                            new RandomRotationSpec(factor, FillMode.REFLECT, Interpolation.BILINEAR));
                }
                FillMode fill = pick(random, FillMode.values());
                Interpolation interpolation = pick(random, Interpolation.values());
                return new Candidate("@RandomRotation(value = " + factor + ", fill = FillMode." + fill
                        + ", interpolation = Interpolation." + interpolation + ")",
                        new RandomRotationSpec(factor, fill, interpolation));
            }
            default: {
                double height = random.nextInt(11) / 10.0;
                FillMode fill = pick(random, FillMode.values());
                Interpolation interpolation = pick(random, Interpolation.values());
                String reading = ", fill = FillMode." + fill + ", interpolation = Interpolation." + interpolation;
                if (random.nextBoolean()) {
                    return new Candidate("@RandomZoom(height = " + height + reading + ")",
                            new RandomZoomSpec(height, Double.NaN, fill, interpolation));
                }
                double width = random.nextInt(11) / 10.0;
                return new Candidate("@RandomZoom(height = " + height + ", width = " + width + reading + ")",
                        new RandomZoomSpec(height, width, fill, interpolation));
            }
        }
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Candidate globalPool(Random random) {
        return random.nextBoolean() ? new Candidate("@GlobalMaxPooling2D", new GlobalPool2DSpec(Pooling.MAX))
                : new Candidate("@GlobalAveragePooling2D", new GlobalPool2DSpec(Pooling.AVERAGE));
    }

    /** A valid BatchNormalization: the last axis as -1 or by its index, its other settings drawn or left to their defaults. */
    private static Candidate batchNormalization(Random random, Shape shape) {
        int axis = random.nextBoolean() ? -1 : shape.rank();
        double momentum = random.nextBoolean() ? 0.99 : random.nextInt(10) / 10.0;
        double epsilon = random.nextBoolean() ? 1e-3 : new double[] {1e-5, 0.1, 2}[random.nextInt(3)];
        boolean center = random.nextInt(4) != 0;
        boolean scale = random.nextInt(4) != 0;
        List<String> settings = new ArrayList<>();
        if (axis != -1) {
            settings.add("axis = " + axis);
        }
        if (momentum != 0.99) {
            settings.add("momentum = " + momentum);
        }
        if (epsilon != 1e-3) {
            settings.add("epsilon = " + epsilon);
        }
        if (!center) {
            settings.add("center = false");
        }
        if (!scale) {
            settings.add("scale = false");
        }
        String annotation = "@BatchNormalization" + (settings.isEmpty() ? "" : "(" + String.join(", ", settings) + ")");
        return new Candidate(annotation, new BatchNormalizationSpec(axis, momentum, epsilon, center, scale));
    }

    /** Any model: valid or not, with odd values, missing attributes, duplicates and stray fields. */
    static String anyModel(Random random, String name) {
        List<String> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int count = random.nextInt(7);
        List<String> fieldNames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fieldNames.add(FuzzNames.draw(random, name, names));
        }
        for (int i = 0; i < count; i++) {
            fields.add(anyField(random, i, fieldNames.get(i), fieldNames));
        }
        String input = random.nextInt(10) == 0 ? "{}" : ints(randomInts(random, 1 + random.nextInt(3), true));
        String classes = random.nextInt(8) == 0 ? oddInt(random) : Integer.toString(2 + random.nextInt(10));
        String loss = random.nextInt(20) == 0 ? "Loss.UNDEFINED_LOSS" : "Loss." + LOSSES[random.nextInt(LOSSES.length)];
        StringBuilder attributes = new StringBuilder();
        if (random.nextInt(15) != 0) {
            attributes.append("input = ").append(input).append(", ");
        }
        // classes, outputs, both or neither, with any loss, and metrics that may not suit them.
        int declares = random.nextInt(6);
        if (declares != 4) {
            attributes.append(declares == 3 ? "outputs = " : "classes = ").append(classes).append(", ");
        }
        if (declares == 5) {
            attributes.append("outputs = ").append(random.nextInt(4)).append(", ");
        }
        attributes.append("loss = ").append(loss).append(", fromLogits = ").append(random.nextBoolean());
        if (random.nextInt(3) == 0) {
            List<String> metrics = new ArrayList<>();
            for (int m = random.nextInt(4); m > 0; m--) {
                metrics.add("Metric." + METRICS[random.nextInt(METRICS.length)]);
            }
            attributes.append(", metrics = {").append(String.join(", ", metrics)).append("}");
        }
        if (random.nextInt(8) == 0) {
            attributes.append(", topK = ").append(random.nextInt(12) - 1);
        }
        if (random.nextBoolean()) {
            attributes.append(", optimizer = @Optimizer(kind = Optimizer.Kind.")
                    .append(new String[] {"SGD", "RMSPROP", "ADAM", "ADAMW"}[random.nextInt(4)]);
            if (random.nextBoolean()) {
                attributes.append(", learningRate = ").append(new String[] {"0.01", "-1", "0", "1e300", "2"}[random.nextInt(5)]);
            }
            if (random.nextInt(4) == 0) {
                attributes.append(", momentum = ").append(new String[] {"0.9", "1.5", "-0.1"}[random.nextInt(3)]);
            }
            if (random.nextInt(4) == 0) {
                attributes.append(", weightDecay = ").append(new String[] {"0.004", "0", "-0.1"}[random.nextInt(3)]);
            }
            if (random.nextInt(4) == 0) {
                attributes.append(", clipNorm = ").append(new String[] {"1.0", "0", "-2"}[random.nextInt(3)]);
            }
            if (random.nextInt(4) == 0) {
                attributes.append(", ").append(new String[] {"globalClipNorm", "clipValue"}[random.nextInt(2)])
                        .append(" = ").append(new String[] {"5.0", "0", "-1"}[random.nextInt(3)]);
            }
            attributes.append(")");
        }
        return source(name, attributes.toString(), fields);
    }

    private static String anyField(Random random, int i, String name, List<String> fields) {
        String type = random.nextInt(25) == 0 ? "Object" : "Layer";
        String modifier = random.nextInt(30) == 0 ? "static " : "";
        boolean merge = random.nextInt(8) == 0;
        String annotation = merge ? anyMerge(random, fields) : anyAnnotation(random);
        if (random.nextInt(6) == 0 && !merge) {
            annotation = Graph.withFrom(annotation, anyName(random, fields));
        }
        if (random.nextInt(25) == 0) {
            annotation = annotation + " " + anyAnnotation(random);
        }
        if (random.nextInt(25) == 0) {
            annotation = "";
        }
        if (random.nextInt(30) == 0) {
            return "int notALayer" + i + " = " + i + ";";
        }
        return annotation + " " + modifier + type + " " + name + ";";
    }

    private static String anyAnnotation(Random random) {
        String activation = "activation = " + ACTIVATIONS[random.nextInt(ACTIVATIONS.length)];
        if (random.nextInt(9) == 0) {
            List<String> settings = new ArrayList<>();
            if (random.nextBoolean()) {
                settings.add("axis = " + new String[] {"-1", "0", "1", "2", "3", "-2", "4"}[random.nextInt(7)]);
            }
            if (random.nextBoolean()) {
                settings.add("momentum = " + new String[] {"0.99", "0", "1", "1.5", "-0.1", "Double.NaN"}[random.nextInt(6)]);
            }
            if (random.nextBoolean()) {
                settings.add("epsilon = " + new String[] {"1e-3", "0", "-1", "1e300", "Double.NaN"}[random.nextInt(5)]);
            }
            if (random.nextBoolean()) {
                settings.add("center = " + random.nextBoolean() + ", scale = " + random.nextBoolean());
            }
            return "@BatchNormalization" + (settings.isEmpty() ? "" : "(" + String.join(", ", settings) + ")");
        }
        if (random.nextInt(20) == 0) {
            return random.nextInt(10) == 0 ? "@Normalization(2)" : "@Normalization";
        }
        if (random.nextInt(15) == 0) {
            // Odd values and missing ones: out of range, NaN, a setting these layers do not have.
            return new String[] {"@Rescaling(scale = Double.NaN)", "@Rescaling", "@Rescaling(scale = 1e308, offset = 1e308)",
                    "@Rescaling(scale = 0.5, offset = 1.0 / 0)", "@RandomFlip", "@RandomFlip(mode = FlipMode.VERTICAL)",
                    "@RandomFlip(2)", "@RandomTranslation(height = -0.1, width = 2)", "@RandomTranslation(height = 0.5)",
                    "@RandomTranslation(height = Double.NaN, width = 0, fill = FillMode.CONSTANT)",
                    "@RandomTranslation(height = 1, width = 1)", "@RandomRotation(1.5)", "@RandomRotation",
                    "@RandomRotation(value = 0.1, interpolation = FillMode.REFLECT)", "@RandomZoom(height = -0.2)",
                    "@RandomZoom(height = 0.2, width = Double.NaN)", "@RandomZoom(width = 0.3)"}[random.nextInt(17)];
        }
        switch (random.nextInt(10)) {
            case 0:
                return "@Flatten";
            case 8:
                // Now and then an attribute these layers do not have.
                return (random.nextBoolean() ? "@GlobalMaxPooling2D" : "@GlobalAveragePooling2D")
                        + (random.nextInt(15) == 0 ? "(2)" : "");
            case 9:
                return random.nextInt(15) == 0 ? "@ActivationLayer"
                        : "@ActivationLayer(" + ACTIVATIONS[random.nextInt(ACTIVATIONS.length)] + ")";
            case 1:
                return "@Reshape(" + ints(randomInts(random, random.nextInt(7), false)) + ")";
            case 2: {
                String units = random.nextInt(15) == 0 ? "\"ten\"" : random.nextInt(15) == 0 ? "UNDEFINED" : anySize(random);
                return random.nextInt(15) == 0 ? "@Dense(" + activation + ")" : "@Dense(units = " + units + ", " + activation
                        + (random.nextBoolean() ? ", useBias = false" : "") + ")";
            }
            case 3:
            case 4: {
                String kernel = ints(randomInts(random, random.nextInt(4), false));
                String strides = random.nextBoolean() ? "" : ", strides = " + ints(randomInts(random, random.nextInt(3), false));
                String padding = random.nextBoolean() ? "" : ", padding = Padding." + (random.nextBoolean() ? "SAME" : "VALID");
                return random.nextInt(15) == 0 ? "@Conv2D(kernel = " + kernel + ")"
                        : "@Conv2D(filters = " + anySize(random) + ", kernel = " + kernel + strides + padding + ", " + activation + ")";
            }
            case 5:
            case 6: {
                String pool = random.nextBoolean() ? "" : "value = " + ints(randomInts(random, random.nextInt(4), false));
                String strides = random.nextBoolean() ? "" : "strides = " + ints(randomInts(random, random.nextInt(3), false));
                String padding = random.nextBoolean() ? "" : "padding = Padding." + (random.nextBoolean() ? "SAME" : "VALID");
                String body = java.util.stream.Stream.of(pool, strides, padding).filter(s -> !s.isEmpty())
                        .collect(Collectors.joining(", "));
                return (random.nextBoolean() ? "@MaxPool2D(" : "@AveragePool2D(") + body + ")";
            }
            default:
                return "@Dropout(" + new String[] {"0.5", "0", "1", "-0.2", "1e9", "Double.NaN", "0.25"}[random.nextInt(7)] + ")";
        }
    }

    /** A merge of any names: the model's fields (before, after or the merge itself), the input, typos, none. */
    private static String anyMerge(Random random, List<String> fields) {
        String[] names = new String[random.nextInt(4)];
        for (int i = 0; i < names.length; i++) {
            String drawn = anyName(random, fields);
            names[i] = drawn.equals(Model.INPUT) ? "Model.INPUT" : "\"" + drawn + "\"";
        }
        String list = "{" + String.join(", ", names) + "}";
        return random.nextBoolean() ? new String[] {"@Add(", "@Multiply(", "@Average("}[random.nextInt(3)] + list + ")"
                : "@Concatenate(value = " + list + ", axis = " + new String[] {"-1", "1", "0", "-4", "7"}[random.nextInt(5)] + ")";
    }

    /** A name a layer might give as its input: a field's, the input's, or one that is neither. */
    private static String anyName(Random random, List<String> fields) {
        int pick = random.nextInt(fields.size() + 3);
        if (pick < fields.size()) {
            return fields.get(pick);
        }
        return new String[] {Model.INPUT, "", "nowhere"}[pick - fields.size()];
    }

    private static String anySize(Random random) {
        return switch (random.nextInt(8)) {
            case 0, 1 -> oddInt(random);
            case 2 -> Integer.toString(bigInt(random));
            default -> Integer.toString(1 + random.nextInt(64));
        };
    }

    /** A size from 1 to Integer.MAX_VALUE: a limit's edge a quarter of the time, else log-uniform, so products cross the limits. */
    private static int bigInt(Random random) {
        return random.nextInt(4) == 0 ? EDGES[random.nextInt(EDGES.length)]
                : (int) Math.min(Integer.MAX_VALUE, Math.round(Math.exp(random.nextDouble() * Math.log(Integer.MAX_VALUE))));
    }

    /**
     * A model valid by the DSL's rules but for its sizes, drawn up to the integer limits.
     *
     * @param errorLine the line of the first value that makes an array too large (or a reshape that
     *     cannot fit), where the processor must report an error; -1 if the model must compile
     */
    record SizedModel(String name, String source, int errorLine) {
    }

    static SizedModel sizedModel(Random random, String name) {
        int classes = 2 + random.nextInt(9);
        List<String> layers = new ArrayList<>();
        Sizes sizes = new Sizes();
        int[] input;
        BigInteger features;
        switch (random.nextInt(3)) {
            case 0 -> {
                input = new int[1 + random.nextInt(3)];
                Arrays.setAll(input, i -> bigInt(random));
                features = sizes.array(Sizes.MODEL_LINE, Sizes.product(input));
                if (input.length > 1) {
                    layers.add("@Flatten");
                }
                int units = bigInt(random);
                layers.add("@Dense(units = " + units + ", activation = RELU)");
                int line = Sizes.lineOf(layers);
                sizes.array(line, BigInteger.valueOf(units));
                sizes.array(line, features.multiply(BigInteger.valueOf(units)));
                features = BigInteger.valueOf(units);
            }
            case 1 -> {
                input = new int[] {bigInt(random), bigInt(random), bigInt(random)};
                sizes.array(Sizes.MODEL_LINE, Sizes.product(input));
                int filters = bigInt(random);
                int[] kernel = {bigInt(random), bigInt(random)};
                layers.add("@Conv2D(filters = " + filters + ", kernel = " + ints(kernel) + ", padding = Padding.SAME)");
                int line = Sizes.lineOf(layers);
                // SAME padding and strides 1 keep the image's height and width, whatever the kernel.
                features = sizes.array(line, Sizes.product(input[0], input[1], filters));
                sizes.array(line, Sizes.product(kernel[0], kernel[1], input[2], filters));
                layers.add("@Flatten");
            }
            default -> {
                int[] known = new int[1 + random.nextInt(4)];
                Arrays.setAll(known, i -> bigInt(random));
                BigInteger knownElements = Sizes.product(known);
                // Half the time an input that the known dimensions divide, where an int holds it.
                BigInteger multiple = knownElements.multiply(BigInteger.valueOf(1 + random.nextInt(4)));
                input = random.nextBoolean() && multiple.bitLength() < 32 ? new int[] {multiple.intValueExact()}
                        : new int[] {bigInt(random), bigInt(random)};
                features = sizes.array(Sizes.MODEL_LINE, Sizes.product(input));
                int[] target = new int[known.length + 1];
                target[0] = ReshapeSpec.INFERRED;
                System.arraycopy(known, 0, target, 1, known.length);
                layers.add("@Reshape(" + ints(target) + ")");
                sizes.fault(Sizes.lineOf(layers), !Sizes.fits(knownElements) || features.mod(knownElements).signum() != 0);
                layers.add("@Flatten");
            }
        }
        layers.add("@Dense(units = " + classes + ", activation = SOFTMAX)");
        sizes.array(Sizes.lineOf(layers), features.multiply(BigInteger.valueOf(classes)));
        Set<String> names = new HashSet<>();
        List<String> fields = layers.stream().map(layer -> layer + " Layer " + FuzzNames.draw(random, name, names) + ";")
                .toList();
        String attributes = "input = " + ints(input) + ", classes = " + classes + ", loss = Loss.CATEGORICAL_CROSSENTROPY";
        return new SizedModel(name, source(name, attributes, fields), sizes.firstErrorLine);
    }

    /**
     * A model's array sizes in BigInteger, apart from the dsl's own arithmetic: the line of the first
     * array past the limit, which is where the processor must report (it checks nothing after it).
     */
    private static final class Sizes {
        /** The lines of {@link #source}: the {@code @Model} annotation, then one field a line after the class's. */
        static final int MODEL_LINE = 6;
        private static final int FIRST_FIELD_LINE = 8;
        private static final BigInteger LIMIT = BigInteger.valueOf(Shape.MAX_ELEMENTS);

        private int firstErrorLine = -1;

        /** The line of the last of {@code layers}. */
        static int lineOf(List<String> layers) {
            return FIRST_FIELD_LINE + layers.size() - 1;
        }

        static BigInteger product(int... dims) {
            return Arrays.stream(dims).mapToObj(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
        }

        static boolean fits(BigInteger elements) {
            return elements.compareTo(LIMIT) <= 0;
        }

        /** An array of {@code elements} made by the value on {@code line}; returns its count. */
        BigInteger array(int line, BigInteger elements) {
            fault(line, !fits(elements));
            return elements;
        }

        void fault(int line, boolean fault) {
            if (fault && firstErrorLine < 0) {
                firstErrorLine = line;
            }
        }
    }

    private static String oddInt(Random random) {
        return Integer.toString(ODD_INTS[random.nextInt(ODD_INTS.length)]);
    }

    private static int[] randomInts(Random random, int n, boolean mostlyPositive) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = switch (random.nextInt(10)) {
                case 0, 1 -> ODD_INTS[random.nextInt(ODD_INTS.length)];
                case 2 -> bigInt(random);
                default -> mostlyPositive ? 1 + random.nextInt(32) : random.nextInt(9) - 1;
            };
        }
        return values;
    }

    static String ints(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String source(String name, String attributes, List<String> fields) {
        return "package fuzz;\n\n"
                + "import static dev.lamina.dsl.Activation.*;\n"
                + "import dev.lamina.dsl.*;\n\n"
                + "@Model(" + attributes + ")\n"
                + "public class " + name + " {\n"
                + fields.stream().map(f -> "    " + f + "\n").collect(Collectors.joining())
                + "}\n";
    }

}
