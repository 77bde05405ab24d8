package dev.lamina.processor.fuzz;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.BatchNormalizationSpec;
import dev.lamina.dsl.Conv2DSpec;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.FlattenSpec;
import dev.lamina.dsl.LayerSpec;
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

    private RandomModels() {
    }

    /** A valid model built layer by layer, with the layers it declares. */
    record ValidModel(String name, String source, int[] input, int classes, boolean fromLogits, List<LayerSpec> layers) {
    }

    /** A small valid model; with {@code dropout} false it has no Dropout layer (for gradient checks). */
    static ValidModel validModel(Random random, String name, boolean dropout) {
        int[][] inputs = {{6, 5}, {12}, {5, 6, 2}, {7, 7}};
        int[] input = inputs[random.nextInt(inputs.length)];
        int classes = 2 + random.nextInt(4);
        boolean fromLogits = random.nextBoolean();
        Shape shape = Shape.of(input);
        Set<String> names = new HashSet<>();
        List<String> fields = new ArrayList<>();
        List<LayerSpec> specs = new ArrayList<>();
        int layers = 1 + random.nextInt(5);
        for (int i = 0; i < layers; i++) {
            Candidate candidate = validLayer(random, shape, dropout);
            if (candidate == null) {
                continue;
            }
            fields.add(candidate.annotation + " Layer " + FuzzNames.draw(random, name, names) + ";");
            specs.add(candidate.spec);
            shape = candidate.spec.outputShape(shape).orElseThrow();
        }
        if (shape.rank() != 1) {
            fields.add("@Flatten Layer " + FuzzNames.draw(random, name, names) + ";");
            specs.add(new FlattenSpec());
        }
        String activation = fromLogits ? "LINEAR" : "SOFTMAX";
        fields.add("@Dense(units = " + classes + ", activation = " + activation + ") Layer "
                + FuzzNames.draw(random, name, names) + ";");
        specs.add(new DenseSpec(classes, Activation.valueOf(activation), true));
        String attributes = "input = " + ints(input) + ", classes = " + classes + ", loss = Loss."
                + (random.nextBoolean() ? "CATEGORICAL_CROSSENTROPY" : "SPARSE_CATEGORICAL_CROSSENTROPY")
                + ", fromLogits = " + fromLogits + ", optimizer = @Optimizer(kind = Optimizer.Kind."
                + new String[] {"SGD", "RMSPROP", "ADAM"}[random.nextInt(3)] + ")";
        return new ValidModel(name, source(name, attributes, fields), input, classes, fromLogits, specs);
    }

    private record Candidate(String annotation, LayerSpec spec) {
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
            return batchNormalization(random, shape);
        }
        switch (random.nextInt(dropout ? 6 : 5)) {
            case 0: {
                if (shape.rank() != 1) {
                    return new Candidate("@Flatten", new FlattenSpec());
                }
                int units = 1 + random.nextInt(6);
                boolean bias = random.nextBoolean();
                return new Candidate("@Dense(units = " + units + ", activation = " + activation + ", useBias = " + bias + ")",
                        new DenseSpec(units, Activation.valueOf(activation), bias));
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
                return new Candidate("@Conv2D(filters = " + filters + ", kernel = " + ints(kernel) + ", strides = "
                        + ints(strides) + ", padding = Padding." + padding + ", activation = " + activation + ", useBias = "
                        + bias + ")", new Conv2DSpec(filters, kernel, strides, padding, Activation.valueOf(activation), bias));
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
        for (int i = 0; i < count; i++) {
            fields.add(anyField(random, i, FuzzNames.draw(random, name, names)));
        }
        String input = random.nextInt(10) == 0 ? "{}" : ints(randomInts(random, 1 + random.nextInt(3), true));
        String classes = random.nextInt(8) == 0 ? oddInt(random) : Integer.toString(2 + random.nextInt(10));
        String loss = random.nextInt(20) == 0 ? "Loss.UNDEFINED_LOSS"
                : random.nextBoolean() ? "Loss.CATEGORICAL_CROSSENTROPY" : "Loss.SPARSE_CATEGORICAL_CROSSENTROPY";
        StringBuilder attributes = new StringBuilder();
        if (random.nextInt(15) != 0) {
            attributes.append("input = ").append(input).append(", ");
        }
        attributes.append("classes = ").append(classes).append(", loss = ").append(loss)
                .append(", fromLogits = ").append(random.nextBoolean());
        if (random.nextBoolean()) {
            attributes.append(", optimizer = @Optimizer(kind = Optimizer.Kind.")
                    .append(new String[] {"SGD", "RMSPROP", "ADAM"}[random.nextInt(3)]);
            if (random.nextBoolean()) {
                attributes.append(", learningRate = ").append(new String[] {"0.01", "-1", "0", "1e300", "2"}[random.nextInt(5)]);
            }
            if (random.nextInt(4) == 0) {
                attributes.append(", momentum = ").append(new String[] {"0.9", "1.5", "-0.1"}[random.nextInt(3)]);
            }
            attributes.append(")");
        }
        return source(name, attributes.toString(), fields);
    }

    private static String anyField(Random random, int i, String name) {
        String type = random.nextInt(25) == 0 ? "Object" : "Layer";
        String modifier = random.nextInt(30) == 0 ? "static " : "";
        String annotation = anyAnnotation(random);
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
        switch (random.nextInt(8)) {
            case 0:
                return "@Flatten";
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
