package dev.lamina.processor.check;

import dev.lamina.dsl.Activation;
import dev.lamina.dsl.ActivationLayerSpec;
import dev.lamina.dsl.DenseSpec;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.MergeSpec;
import dev.lamina.dsl.Problem;
import dev.lamina.dsl.Shape;
import dev.lamina.processor.Diagnostic;
import dev.lamina.processor.read.LayerDescription;
import dev.lamina.processor.read.ModelDescription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        checkClasses(model, diagnostics);
        if (model.layers().isEmpty()) {
            diagnostics.add(Diagnostic.error(model.type(), model.annotation(), null, model.modelName()
                    + " has no layers. Declare its layers as fields in order, for example "
                    + "@Flatten Layer flat; @Dense(units = " + Math.max(model.classes(), 1)
                    + ", " + Problem.setting("activation", Activation.SOFTMAX) + ") Layer out;"));
        }
        Inference inference = inferShapes(model, input, diagnostics);
        if (inference.output() != null) {
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

    private static void checkClasses(ModelDescription model, List<Diagnostic> diagnostics) {
        if (model.classes() < 2) {
            diagnostics.add(Diagnostic.error(model.type(), model.annotation(), "classes", "classes is "
                    + model.classes() + " but a classifier needs at least 2 classes."));
        }
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

    /** The last layer must give one value per class, in the form the loss expects. */
    private static void checkOutput(ModelDescription model, LayerDescription layer, Shape output,
                                    List<Diagnostic> diagnostics) {
        if (output.rank() != 1) {
            diagnostics.add(Diagnostic.error(layer.field(), layer.name() + " is the last layer and outputs " + output
                    + " per sample, but the loss needs one value per class, (" + model.classes()
                    + "). End the model with @Flatten and @Dense(units = " + model.classes() + ")."));
            return;
        }
        if (output.dim(0) != model.classes()) {
            String fix = layer.spec() instanceof DenseSpec ? " Set units = " + model.classes() + "."
                    : " End the model with @Dense(units = " + model.classes() + ").";
            diagnostics.add(Diagnostic.error(layer.field(), layer.annotation(), "units", layer.name()
                    + " is the last layer and outputs " + output + " but the model has " + model.classes()
                    + " classes (@Model(classes = " + model.classes() + "))." + fix));
        }
        Activation activation = layer.spec().activation();
        // An @ActivationLayer's activation is its value: the fix names the layer, not an attribute.
        boolean alone = layer.spec() instanceof ActivationLayerSpec;
        String attribute = alone ? "value" : "activation";
        if (model.fromLogits() && activation == Activation.SOFTMAX) {
            diagnostics.add(Diagnostic.error(layer.field(), layer.annotation(), attribute, layer.name()
                    + " applies softmax but the loss takes logits (fromLogits = true), so softmax would be applied"
                    + " twice. Remove " + (alone ? "it" : "its " + Problem.setting("activation", Activation.SOFTMAX))
                    + ", or set fromLogits = false."));
        } else if (!model.fromLogits() && activation != Activation.SOFTMAX) {
            String what = activation == Activation.LINEAR ? "outputs logits (a linear activation)"
                    : "outputs " + activation.name().toLowerCase() + " values";
            String fix = alone ? "Make it @ActivationLayer(" + Problem.constant(Activation.SOFTMAX) + ")"
                    : "Set " + Problem.setting("activation", Activation.SOFTMAX) + " on it";
            diagnostics.add(Diagnostic.warning(layer.field(), layer.annotation(), attribute, layer.name() + " "
                    + what + " but the loss expects probabilities (fromLogits = false). " + fix
                    + ", or fromLogits = true in @Model."));
        }
    }

    private static Diagnostic toDiagnostic(LayerDescription layer, Problem problem, String trace) {
        String message = layer.name() + ": " + problem.message() + (trace == null ? "" : "\n  Shapes: " + trace);
        return problem.attribute() == null
                ? Diagnostic.error(layer.field(), message)
                : Diagnostic.error(layer.field(), layer.annotation(), problem.attribute(), problem.element(), message);
    }
}
