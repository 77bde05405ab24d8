package dev.lamina.processor.check;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.ActivationLayerSpec;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.MergeSpec;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.NormalizationSpec;
import dev.lamina.dsl.Problem;
import dev.lamina.dsl.Shape;
import dev.lamina.dsl.Task;
import dev.lamina.processor.Diagnostic;
import dev.lamina.processor.read.LayerDescription;
import dev.lamina.processor.read.ModelDescription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Infers the shape after every layer with the layers' own rules ({@link LayerSpec}) and checks the
 * model as a whole: its input, its classes, its optimizer, and that the last layer fits the loss.
 * Reports every problem it can find in one pass, each on the field or value at fault; goes on past an
 * error wherever the next shape is still known.
 */
public final class ModelChecker {

    /**
     * What the check found.
     *
     * @param model the checked model, or null if there was an error
     */
    public record Result(CheckedModel model, List<Diagnostic> diagnostics) {
    }

    public Result check(ModelDescription model) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        OptimizerChecks.check(model, diagnostics);
        Optional<Shape> input = checkInput(model, diagnostics);
        boolean taskValid = checkTask(model, diagnostics);
        if (model.layers().isEmpty()) {
            diagnostics.add(Diagnostic.error(model.type(), model.annotation(), null, model.modelName()
                    + " has no layers. Declare its layers as fields in order, for example "
                    + "@Flatten Layer flat; @Dense(units = " + (taskValid ? model.units() : 1)
                    + ", " + Problem.setting("activation", Activation.SOFTMAX) + ") Layer out;"));
        }
        Inference inference = inferShapes(model, input, diagnostics);
        if (inference.output() != null && taskValid) {
            checkOutput(model, model.layers().get(model.layers().size() - 1), inference.output(), diagnostics);
        }
        boolean valid = diagnostics.stream().noneMatch(Diagnostic::isError);
        return new Result(valid ? new CheckedModel(model, input.orElseThrow(), inference.layers()) : null, diagnostics);
    }

    private static Optional<Shape> checkInput(ModelDescription model, List<Diagnostic> diagnostics) {
        int[] input = model.input();
        if (input.length == 0) {
            diagnostics.add(Diagnostic.error(model.type(), model.annotation(), "input",
                    "input needs the shape of one sample, such as input = {28, 28} for MNIST images."));
            return Optional.empty();
        }
        for (int d : input) {
            if (d <= 0) {
                diagnostics.add(Diagnostic.error(model.type(), model.annotation(), "input", "input "
                        + Shape.format(input) + " has the dimension " + d + "; every dimension must be positive."));
                return Optional.empty();
            }
        }
        Shape shape = Shape.of(input);
        if (!shape.fitsInArray()) {
            diagnostics.add(Diagnostic.error(model.type(), model.annotation(), "input", "input " + shape + " has "
                    + Shape.MORE_THAN_MAX_ELEMENTS + " per sample, the most one array holds. input is the shape of one"
                    + " sample, without the batch; make the samples smaller (crop or downsample them) to train on them."));
            return Optional.empty();
        }
        return Optional.of(shape);
    }

    /** Classes or outputs, loss, fromLogits and metrics must agree on one {@link Task}; returns whether they do. */
    private static boolean checkTask(ModelDescription model, List<Diagnostic> diagnostics) {
        List<Problem> problems = Task.declarationProblems(model.loss(), model.classes(), model.outputs(),
                model.fromLogits(), model.metrics(), model.topK());
        for (Problem problem : problems) {
            boolean onTopK = topKAtFault(model, problem);
            diagnostics.add(Diagnostic.error(model.type(), model.annotation(), onTopK ? "topK" : problem.attribute(),
                    onTopK ? -1 : problem.element(), problem.message()));
        }
        return problems.isEmpty();
    }

    /**
     * Whether {@code problem} is that of a {@code topK} out of range for the classes and the model
     * writes {@code topK}: then that value is at fault, rather than the metric that reads it.
     */
    private static boolean topKAtFault(ModelDescription model, Problem problem) {
        boolean topKProblem = "metrics".equals(problem.attribute()) && problem.element() >= 0
                && model.metrics().get(problem.element()) == Metric.TOP_K_ACCURACY && model.task() == Task.MULTICLASS
                && (model.topK() < 1 || model.topK() >= model.classes())
                && model.metrics().indexOf(Metric.TOP_K_ACCURACY) == problem.element();
        return topKProblem && model.annotation().getElementValues().keySet().stream()
                .anyMatch(attribute -> attribute.getSimpleName().contentEquals("topK"));
    }

    /**
     * The outcome of shape inference.
     *
     * @param layers the layers checked, in order; complete only if no layer had a problem
     * @param output the last layer's output, or null when a problem on the way left it unknown
     */
    private record Inference(List<CheckedLayer> layers, Shape output) {
    }

    private static Inference inferShapes(ModelDescription model, Optional<Shape> input,
                                         List<Diagnostic> diagnostics) {
        List<CheckedLayer> checked = new ArrayList<>();
        LayerSources sources = new LayerSources(model.layers());
        ShapeTrace trace = new ShapeTrace(input.orElse(null));
        Shape output = input.orElse(null);
        boolean allValid = input.isPresent();
        for (int position = 0; position < model.layers().size(); position++) {
            LayerDescription layer = model.layers().get(position);
            LayerSpec spec = layer.spec();
            List<Problem> settingProblems = spec.settingProblems();
            for (Problem problem : settingProblems) {
                diagnostics.add(toDiagnostic(layer, problem, null));
            }
            Optional<List<String>> named = sources.of(position, diagnostics);
            List<Shape> inputs = named.map(trace::outputs).orElse(null);
            if (inputs == null || inputs.contains(null) || !settingProblems.isEmpty()) {
                output = null;
                allValid = false;
                trace.add(layer.name(), named.map(names -> names.get(0)).orElse(null), null);
                continue;
            }
            Optional<Problem> inputProblem = spec instanceof MergeSpec merge
                    ? merge.mergeProblem(inputs, named.get())
                    : spec instanceof NormalizationSpec ? NormalizationSpec.sourceProblem(named.get().get(0))
                    : spec.inputProblem(inputs.get(0), layer.name());
            Optional<Shape> shape = spec instanceof MergeSpec merge
                    ? inputProblem.isPresent() ? Optional.empty() : Optional.of(merge.mergedShape(inputs))
                    : spec.outputShape(inputs.get(0));
            if (inputProblem.isEmpty() && shape.isPresent()) {
                inputProblem = spec instanceof MergeSpec ? tooLarge(spec, shape.get()) : spec.sizeProblem(inputs.get(0));
                // The layers after an array too large would only repeat its error: their input is unknown.
                shape = inputProblem.isPresent() ? Optional.empty() : shape;
            }
            inputProblem.ifPresent(problem -> diagnostics.add(toDiagnostic(layer, problem,
                    trace.upTo(named.get(), layer.name()))));
            if (inputProblem.isEmpty() && shape.isPresent()) {
                if (allValid) {
                    checked.add(new CheckedLayer(layer, named.get(), inputs, shape.get(), spec.parameters(inputs.get(0))));
                }
            } else {
                allValid = false;
            }
            output = shape.orElse(null);
            trace.add(layer.name(), named.get().get(0), output);
        }
        if (allValid) {
            warnOfUnusedBranches(checked, diagnostics);
        }
        return new Inference(checked, model.layers().isEmpty() ? null : output);
    }

    /** A merged output too large for one array (the merge's only array: it has no parameters). */
    private static Optional<Problem> tooLarge(LayerSpec merge, Shape output) {
        return output.fitsInArray() ? Optional.empty() : Optional.of(Problem.ofLayer(merge.kind() + "'s output "
                + output + " has " + Shape.MORE_THAN_MAX_ELEMENTS + " per sample, the most one array holds. Merge"
                + " smaller outputs."));
    }

    /**
     * A layer whose output no later layer takes, other than the last (the model's output), computes
     * what nothing uses: most likely a {@code from} that skips it by mistake.
     */
    private static void warnOfUnusedBranches(List<CheckedLayer> layers, List<Diagnostic> diagnostics) {
        Set<String> used = new HashSet<>();
        layers.forEach(layer -> used.addAll(layer.sources()));
        for (CheckedLayer layer : layers.subList(0, Math.max(0, layers.size() - 1))) {
            if (!used.contains(layer.name())) {
                diagnostics.add(Diagnostic.warning(layer.layer().field(), layer.layer().annotation(), null,
                        layer.name() + " is an unused branch: no layer takes its output, and only the last layer is the"
                        + " model's output. Name it in a later layer's from or merge, or remove it."));
            }
        }
    }

    /** The last layer must give the model's outputs, in the form the loss expects. */
    private static void checkOutput(ModelDescription model, LayerDescription layer, Shape output,
                                    List<Diagnostic> diagnostics) {
        int units = model.units();
        String what = switch (model.task()) {
            case MULTICLASS -> "one value per class, (" + units + ")";
            case BINARY -> "one probability of class 1, (1)";
            case MULTI_LABEL -> "one probability per label, (" + units + ")";
            case REGRESSION -> "one value per output, (" + units + ")";
        };
        if (output.rank() != 1) {
            diagnostics.add(Diagnostic.error(layer.field(), layer.name() + " is the last layer and outputs " + output
                    + " per sample, but the loss needs " + what + ". End the model with @Flatten and @Dense(units = "
                    + units + ")."));
            return;
        }
        if (output.dim(0) != units) {
            String fix = layer.spec() instanceof DenseSpec ? " Set units = " + units + "."
                    : " End the model with @Dense(units = " + units + ").";
            diagnostics.add(Diagnostic.error(layer.field(), layer.annotation(), "units", layer.name()
                    + " is the last layer and outputs " + output + " but " + declared(model) + "." + fix));
        }
        checkOutputActivation(model, layer, diagnostics);
    }

    /** What the model declares its output to be, as the width check says it. */
    private static String declared(ModelDescription model) {
        return switch (model.task()) {
            case MULTICLASS -> "the model has " + model.classes() + " classes (@Model(classes = " + model.classes() + "))";
            case BINARY -> "two classes with binary crossentropy take one probability, of class 1 (@Model(classes = 2, "
                    + Problem.setting("loss", Loss.BINARY_CROSSENTROPY) + "))";
            case MULTI_LABEL -> "the model has " + model.outputs() + " yes/no labels (@Model(outputs = " + model.outputs()
                    + "))";
            case REGRESSION -> "the model predicts " + model.outputs() + (model.outputs() == 1 ? " number" : " numbers")
                    + " (@Model(outputs = " + model.outputs() + "))";
        };
    }

    /**
     * A crossentropy takes probabilities from the activation that makes them (softmax for one class
     * of many, sigmoid for yes/no) or logits with {@code fromLogits}; a regression output is not
     * squeezed to sum to 1.
     */
    private static void checkOutputActivation(ModelDescription model, LayerDescription layer,
                                              List<Diagnostic> diagnostics) {
        Activation activation = layer.spec().activation();
        // An @ActivationLayer's activation is its value: the fix names the layer, not an attribute.
        boolean alone = layer.spec() instanceof ActivationLayerSpec;
        String attribute = alone ? "value" : "activation";
        Optional<Activation> needed = model.task().probabilityActivation();
        if (needed.isEmpty()) {
            if (activation == Activation.SOFTMAX) {
                diagnostics.add(Diagnostic.error(layer.field(), layer.annotation(), attribute, layer.name()
                        + " applies softmax, which makes its outputs sum to 1, but the model predicts numbers with the "
                        + model.loss() + ". " + (alone ? "Remove it" : "Remove its " + Problem.setting("activation",
                        Activation.SOFTMAX)) + " (a linear output is the usual one for regression)."));
            }
            return;
        }
        Activation probabilities = needed.get();
        String name = probabilities.name().toLowerCase(Locale.ROOT);
        if (model.fromLogits() && activation == probabilities) {
            diagnostics.add(Diagnostic.error(layer.field(), layer.annotation(), attribute, layer.name()
                    + " applies " + name + " but the loss takes logits (fromLogits = true), so " + name + " would be"
                    + " applied twice. Remove " + (alone ? "it" : "its " + Problem.setting("activation", probabilities))
                    + ", or set fromLogits = false."));
        } else if (!model.fromLogits() && activation != probabilities) {
            String what = activation == Activation.LINEAR ? "outputs logits (a linear activation)"
                    : "outputs " + activation.name().toLowerCase(Locale.ROOT) + " values";
            String fix = alone ? "Make it @ActivationLayer(" + Problem.constant(probabilities) + ")"
                    : "Set " + Problem.setting("activation", probabilities) + " on it";
            String expects = model.task() == Task.MULTICLASS ? "the loss expects probabilities"
                    : "binary crossentropy expects probabilities from a sigmoid";
            String message = layer.name() + " " + what + " but " + expects + " (fromLogits = false). " + fix
                    + ", or fromLogits = true in @Model.";
            // Softmax's place has been a warning since the first release; binary crossentropy of
            // values that are not probabilities is undefined (a log of a negative number), so an error.
            diagnostics.add(model.task() == Task.MULTICLASS
                    ? Diagnostic.warning(layer.field(), layer.annotation(), attribute, message)
                    : Diagnostic.error(layer.field(), layer.annotation(), attribute, message));
        }
    }

    private static Diagnostic toDiagnostic(LayerDescription layer, Problem problem, String trace) {
        String message = layer.name() + ": " + problem.message() + (trace == null ? "" : "\n  Shapes: " + trace);
        return problem.attribute() == null
                ? Diagnostic.error(layer.field(), message)
                : Diagnostic.error(layer.field(), layer.annotation(), problem.attribute(), problem.element(), message);
    }
}
