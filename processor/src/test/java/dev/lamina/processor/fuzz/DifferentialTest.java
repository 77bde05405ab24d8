package dev.lamina.processor.fuzz;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.MergeSpec;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Task;
import dev.lamina.processor.ModelProcessor;
import dev.lamina.runtime.data.OneHot;
import dev.lamina.runtime.losses.CrossEntropy;
import dev.lamina.runtime.optimizers.Parameter;
import dev.lamina.runtime.training.AbstractNetwork;
import dev.lamina.runtime.training.GradientCheck;
import dev.lamina.runtime.training.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random valid models, generated and run: after every layer the shape ND4J computes (through an
 * independent forward pass on ND4J's own op classes) equals the shape the processor inferred, the
 * generated forward equals that reference, and, for models without dropout, the generated backward
 * equals central finite differences of the loss (double precision), with the L2 penalty of the
 * kernels that have a {@code kernelL2}.
 */
class DifferentialTest {
    private static final int MODELS = 200;
    private static final int BATCH = 25;
    private static final Pattern ROW = Pattern.compile("^ (\\S+) \\((\\w+)\\)\\s+\\(None, ([0-9, ]+)\\)", Pattern.MULTILINE);

    @Test
    void generatedNetworksAgreeWithTheProcessorAndWithFiniteDifferences() throws Exception {
        long seed = Long.getLong("lamina.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        int checked = 0;
        int gradientChecked = 0;
        int merging = 0;
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        Map<Task, Integer> tasks = new java.util.EnumMap<>(Task.class);
        for (int start = 0; start < MODELS; start += BATCH) {
            List<RandomModels.ValidModel> models = new ArrayList<>();
            List<JavaFileObject> files = new ArrayList<>();
            for (int i = start; i < start + BATCH; i++) {
                RandomModels.ValidModel model = RandomModels.validModel(random, "D" + i, i % 2 == 0);
                models.add(model);
                files.add(JavaFileObjects.forSourceString("fuzz." + model.name(), model.source()));
            }
            Compilation compilation = javac().withProcessors(new ModelProcessor()).compile(files);
            assertThat(compilation).succeeded();
            GeneratedClassLoader loader = new GeneratedClassLoader(compilation);
            for (RandomModels.ValidModel model : models) {
                String context = "seed " + seed + ", " + model.name() + ":\n" + model.source();
                Class<?> type = loader.loadClass("fuzz." + model.name() + "Network");
                Network network = (Network) type.getConstructor(long.class, DataType.class)
                        .newInstance(random.nextLong(), DataType.DOUBLE);
                List<int[]> inferred = inferredShapes(((AbstractNetwork) network).summaryTable());
                assertEquals(model.layers().size(), inferred.size(), context);

                // The moving statistics start at mean 0 and variance 1, where BatchNormalization is close to
                // the identity: moved off them (and gamma off 1), the comparison tells more.
                for (Parameter parameter : network.parameters()) {
                    if (parameter.name().matches(".*/(gamma|moving_mean|moving_variance|mean|variance)")) {
                        parameter.value().addi(Nd4j.rand(DataType.DOUBLE, parameter.value().shape()).subi(0.5));
                    }
                }
                INDArray features = Nd4j.rand(DataType.DOUBLE, Shape.of(model.input()).withBatch(3)).subi(0.5).muli(2);
                // Each layer on its inputs' reference outputs, by name; the input's is the features.
                Map<String, INDArray> outputs = new HashMap<>(Map.of(Model.INPUT, features));
                Map<String, Shape> shapes = new HashMap<>(Map.of(Model.INPUT, Shape.of(model.input())));
                INDArray reference = features;
                Iterator<INDArray> parameters = network.parameters().stream().map(Parameter::value).iterator();
                for (int l = 0; l < model.layers().size(); l++) {
                    LayerSpec spec = model.layers().get(l);
                    List<INDArray> inputs = model.sources().get(l).stream().map(outputs::get).toList();
                    reference = ReferenceForward.apply(spec, inputs, shapes.get(model.sources().get(l).get(0)), parameters);
                    assertArrayEquals(Shape.of(inferred.get(l)).withBatch(3), reference.shape(),
                            "layer " + l + " (" + spec.kind() + "): ND4J's shape against the processor's\n" + context);
                    outputs.put(model.names().get(l), reference);
                    shapes.put(model.names().get(l), Shape.of(inferred.get(l)));
                }
                INDArray output = network.output(features).dup();
                assertTrue(output.equalsWithEps(reference, 1e-9), "generated forward " + output + " against reference "
                        + reference + "\n" + context);
                // Dropout and the random image layers draw anew on each training forward pass, so the
                // finite differences would compare losses of different draws: their kernels' tests check their
                // backward passes as the transposes of their forward passes instead.
                if (model.layers().stream().noneMatch(s -> s instanceof dev.lamina.dsl.DropoutSpec
                        || s instanceof dev.lamina.dsl.RandomImageSpec)
                        && checkGradients(network, features, random, context)) {
                    gradientChecked++;
                }
                checked++;
                merging += model.layers().stream().anyMatch(s -> s instanceof MergeSpec) ? 1 : 0;
                for (LayerSpec spec : model.layers()) {
                    kinds.merge(spec.kind(), 1, Integer::sum);
                }
                tasks.merge(network.task(), 1, Integer::sum);
            }
        }
        System.out.printf("Differential check, seed %d: %d models run against the reference forward, %d gradient-checked,"
                + " %d with merges; layers of each kind: %s; models of each task: %s%n", seed, checked, gradientChecked,
                merging, kinds, tasks);
        assertTrue(checked >= MODELS && gradientChecked >= MODELS / 3 && merging >= MODELS / 5,
                checked + " models, " + gradientChecked + " gradient-checked, " + merging + " with merges");
    }

    /** The output shapes of the summary's rows, in order: the processor's inference. */
    private static List<int[]> inferredShapes(String summary) {
        List<int[]> shapes = new ArrayList<>();
        Matcher row = ROW.matcher(summary);
        while (row.find()) {
            shapes.add(java.util.Arrays.stream(row.group(3).split(", ")).mapToInt(Integer::parseInt).toArray());
        }
        return shapes;
    }

    /** Random labels of {@code samples} in the form {@code network}'s loss takes them. */
    private static INDArray labels(Network network, int samples, Random random) {
        if (network.task() == Task.MULTICLASS) {
            int[] classes = new int[samples];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = random.nextInt(network.classes());
            }
            return OneHot.encode(classes, network.classes(), DataType.DOUBLE);
        }
        double[][] rows = new double[samples][network.units()];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = network.task() == Task.REGRESSION ? random.nextGaussian() : random.nextInt(2);
            }
        }
        return Nd4j.create(rows);
    }

    /** Up to 12 elements of every parameter against central finite differences of the mean loss. */
    private static boolean checkGradients(Network network, INDArray features, Random random, String context) {
        INDArray labels = labels(network, (int) features.size(0), random);
        // Biases start at zero, so a unit fed only zeros (a dead ReLU before it) sits exactly on its
        // activation's kink, where the slope is one-sided: move every parameter off the initial point.
        for (Parameter parameter : network.parameters()) {
            parameter.value().addi(Nd4j.rand(DataType.DOUBLE, parameter.value().shape()).subi(0.5).muli(0.2));
        }
        if (saturated(network, features)) {
            return false;
        }
        assertEquals(List.of(), GradientCheck.check(network, features, labels, 12, random), context);
        return true;
    }

    /**
     * Whether a probability of the training output is within the loss's clipping bound of 0 or 1.
     * There the loss, as Keras computes it, is flat, while the gradient fused with softmax or sigmoid
     * (as Keras' backends fuse it) is not, so finite differences cannot check it: a network whose
     * values grow through several additions now and then makes one that confident.
     */
    private static boolean saturated(Network network, INDArray features) {
        if (network.task() == Task.REGRESSION || network.outputsLogits()) {
            return false;
        }
        INDArray output = network.trainingOutput(features);
        double bound = 10 * CrossEntropy.EPSILON;
        return output.minNumber().doubleValue() < bound || output.maxNumber().doubleValue() > 1 - bound;
    }
}
