package dev.lamina.processor.fuzz;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.lamina.processor.ModelProcessor;
import dev.lamina.processor.generate.ReferencedNames;
import dev.lamina.runtime.training.AbstractNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaFileObject;

/**
 * The names the fuzzer gives layers: plain words, and every name a generated network refers to or
 * inherits, which a layer's identifiers must keep clear of. The latter are read the way the processor
 * reads them ({@link ReferencedNames}), from the networks of a catalogue of models that between them
 * use every kind of layer, optimizer and loss, so a name the writer starts to use is drawn as well.
 */
final class FuzzNames {
    private static final String[] WORDS = {"hidden", "out", "flat", "image", "conv", "pool", "drop", "fc", "dense",
        "features", "logits", "block", "stem", "head", "x", "y", "a1", "é", "layer"};
    /**
     * Names the fuzzer's own model sources refer to inside the class body ({@code padding = Padding.SAME},
     * {@code @Dropout(Double.NaN)}): a field of that name would break the user's file, not the network.
     */
    private static final Set<String> USED_BY_MODEL_SOURCES = Set.of("Padding", "Double", "FlipMode", "FillMode",
            "Interpolation");
    /**
     * Models that between them make every writer write (every kind of layer, a convolution's
     * activation moved past a max pool, views of the input and of a layer, merges with a layer listed
     * twice and with the input, each optimizer, loss and output), their layers named with a '$', which
     * nothing else is.
     */
    private static final String[] CATALOGUE = {
        """
        package fuzz;
        import dev.lamina.dsl.*;
        @Model(input = {12, 12}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY, metrics = Metric.ACCURACY,
               optimizer = @Optimizer(kind = Optimizer.Kind.SGD, momentum = 0.9))
        public class Catalogue%d {
            @Reshape({12, 12, 1}) Layer c$0;
            @Rescaling(scale = 0.5, offset = 1) Layer c$11;
            @Conv2D(filters = 2, kernel = {3, 3}, activation = Activation.RELU) Layer c$1;
            @MaxPool2D({2, 2}) Layer c$2;
            @RandomFlip Layer c$12;
            @RandomTranslation(height = 0.1, width = 0.2) Layer c$13;
            @Rescaling(scale = 2) Layer c$14;
            @Conv2D(filters = 2, kernel = {2}, padding = Padding.SAME, useBias = false, activation = Activation.TANH) Layer c$3;
            @AveragePool2D(value = {2, 2}, strides = {1, 1}, padding = Padding.SAME) Layer c$4;
            @Dropout(0.5) Layer c$5;
            @ReLU Layer c$6;
            @BatchNormalization Layer c$10;
            @Flatten Layer c$7;
            @Dense(units = 4, activation = Activation.ELU) Layer c$8;
            @Dense(units = 3, activation = Activation.SOFTMAX) Layer c$9;
        }
        """,
        """
        package fuzz;
        import dev.lamina.dsl.*;
        @Model(input = {12}, classes = 3, loss = Loss.SPARSE_CATEGORICAL_CROSSENTROPY, fromLogits = true,
               optimizer = @Optimizer(kind = Optimizer.Kind.RMSPROP))
        public class Catalogue%d {
            @Reshape({3, -1}) Layer c$0;
            @Flatten Layer c$1;
            @Dense(units = 3, useBias = false) Layer c$2;
        }
        """,
        """
        package fuzz;
        import dev.lamina.dsl.*;
        @Model(input = {12}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
               optimizer = @Optimizer(kind = Optimizer.Kind.ADAMW, clipNorm = 1.0))
        public class Catalogue%d {
            @Dense(units = 3, activation = Activation.SOFTMAX) Layer c$0;
        }
        """,
        """
        package fuzz;
        import dev.lamina.dsl.*;
        @Model(input = {12}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
               optimizer = @Optimizer(kind = Optimizer.Kind.ADAM))
        public class Catalogue%d {
            @BatchNormalization(center = false, scale = false) Layer c$1;
            @Dense(units = 3, activation = Activation.SIGMOID) Layer c$0;
        }
        """,
        """
        package fuzz;
        import dev.lamina.dsl.*;
        @Model(input = {6, 6, 2}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
               optimizer = @Optimizer(kind = Optimizer.Kind.ADAM))
        public class Catalogue%d {
            @Conv2D(filters = 4, kernel = {3, 3}) Layer c$0;
            @ActivationLayer(Activation.TANH) Layer c$1;
            @GlobalMaxPooling2D Layer c$2;
            @Reshape({2, 2, 1}) Layer c$3;
            @GlobalAveragePooling2D Layer c$4;
            @Dense(units = 3) Layer c$5;
            @ActivationLayer(Activation.SOFTMAX) Layer c$6;
        }
        """,
        """
        package fuzz;
        import dev.lamina.dsl.*;
        @Model(input = {4, 4, 2}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
               optimizer = @Optimizer(kind = Optimizer.Kind.ADAM))
        public class Catalogue%d {
            @Conv2D(filters = 2, kernel = {3, 3}, padding = Padding.SAME) Layer c$0;
            @Multiply({"c$0", Model.INPUT, "c$0"}) Layer c$1;
            @Average({"c$1", "c$0"}) Layer c$2;
            @Add({"c$2", "c$1"}) Layer c$3;
            @Concatenate({"c$3", Model.INPUT}) Layer c$4;
            @Flatten Layer c$5;
            @Dense(units = 3, activation = Activation.SOFTMAX) Layer c$6;
        }
        """,
        """
        package fuzz;
        import dev.lamina.dsl.*;
        @Model(input = {8, 8}, classes = 3, loss = Loss.CATEGORICAL_CROSSENTROPY,
               optimizer = @Optimizer(kind = Optimizer.Kind.ADAM))
        public class Catalogue%d {
            @Reshape({8, 8, 1}) Layer c$0;
            @RandomRotation(value = 0.1, fill = FillMode.WRAP, interpolation = Interpolation.NEAREST) Layer c$1;
            @Rescaling(scale = 0.5) Layer c$2;
            @RandomZoom(height = 0.2) Layer c$3;
            @RandomZoom(height = 0.2, width = 0.1, fill = FillMode.CONSTANT) Layer c$4;
            @Flatten Layer c$5;
            @Dense(units = 3, activation = Activation.SOFTMAX) Layer c$6;
        }
        """,
    };
    private static final List<String> GENERATED = generatedNames();

    private FuzzNames() {
    }

    /** Every name the generated networks of the catalogue refer to or inherit: {@code Activation}, {@code training}... */
    static List<String> generated() {
        return GENERATED;
    }

    /**
     * A name for a layer of model {@code model} not in {@code taken}, which it joins: half the time
     * one that generated code refers to (or the model's own, or its network's), else a plain word.
     */
    static String draw(Random random, String model, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String name = switch (random.nextInt(6)) {
                case 0, 1, 2 -> GENERATED.get(random.nextInt(GENERATED.size()));
                case 3 -> random.nextBoolean() ? model : model + "Network";
                default -> WORDS[random.nextInt(WORDS.length)] + (attempt == 0 ? "" : attempt);
            };
            if (!USED_BY_MODEL_SOURCES.contains(name) && taken.add(name)) {
                return name;
            }
        }
    }

    private static List<String> generatedNames() {
        List<JavaFileObject> catalogue = new ArrayList<>();
        for (int i = 0; i < CATALOGUE.length; i++) {
            catalogue.add(JavaFileObjects.forSourceString("fuzz.Catalogue" + i, CATALOGUE[i].formatted(i)));
        }
        Compilation compilation = javac().withProcessors(new ModelProcessor()).compile(catalogue);
        if (compilation.status() != Compilation.Status.SUCCESS) {
            throw new AssertionError("the catalogue of models does not compile: " + compilation.diagnostics());
        }
        Set<String> names = new TreeSet<>();
        for (JavaFileObject network : compilation.generatedSourceFiles()) {
            try {
                ReferencedNames.in(network.getCharContent(true).toString()).stream()
                        .filter(name -> !name.contains("$"))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Class<?> type = AbstractNetwork.class; type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) || Modifier.isProtected(method.getModifiers())) {
                    names.add(method.getName());
                }
            }
        }
        if (names.size() < 40 || !names.containsAll(Set.of("Activation", "Shape", "MODEL", "training", "List"))) {
            throw new AssertionError("the catalogue's networks should refer to more names than " + names);
        }
        return List.copyOf(names);
    }
}
