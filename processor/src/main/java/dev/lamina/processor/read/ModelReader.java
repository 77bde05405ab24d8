package dev.lamina.processor.read;

import dev.lamina.dsl.Layer;
import dev.lamina.dsl.LayerAnnotation;
import dev.lamina.dsl.LayerSpec;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Optimizer;
import dev.lamina.processor.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @Model} class into a {@link ModelDescription}: the model's settings and its layer
 * fields in source order. Reports what makes a class unreadable as a model (a layer field without
 * a layer annotation, a value the compiler could not evaluate); checks nothing about shapes.
 */
public final class ModelReader {
    private final Elements elements;
    private final AnnotationValues values;
    private final LayerSpecReader layerSpecs;

    public ModelReader(Elements elements) {
        this.elements = elements;
        this.values = new AnnotationValues(elements);
        this.layerSpecs = new LayerSpecReader(values);
    }

    /**
     * What was read.
     *
     * @param model the description, or null when the class cannot be described
     */
    public record Result(ModelDescription model, List<Diagnostic> diagnostics) {
    }

    public Result read(TypeElement type) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        AnnotationMirror modelAnnotation = find(type, Model.class.getName()).orElseThrow();
        if (type.getKind() != ElementKind.CLASS) {
            diagnostics.add(Diagnostic.error(type, modelAnnotation, null,
                    "@Model goes on a class whose fields are the layers, not on " + kindName(type) + "."));
            return new Result(null, diagnostics);
        }
        List<LayerDescription> layers = readLayers(type, diagnostics);
        boolean inheritsLayers = inheritedLayers(type, modelAnnotation, diagnostics);
        try {
            int[] input = values.intArray(modelAnnotation, "input");
            int classes = values.intValue(modelAnnotation, "classes");
            int outputs = values.intValue(modelAnnotation, "outputs");
            int topK = values.intValue(modelAnnotation, "topK");
            Loss loss = values.enumValue(modelAnnotation, "loss", Loss.class);
            boolean fromLogits = values.booleanValue(modelAnnotation, "fromLogits");
            List<Metric> metrics = values.enumList(modelAnnotation, "metrics", Metric.class);
            OptimizerDescription optimizer = readOptimizer(values.annotationValue(modelAnnotation, "optimizer"), type, diagnostics);
            if (optimizer == null || layers == null || inheritsLayers) {
                return new Result(null, diagnostics);
            }
            return new Result(new ModelDescription(type, modelAnnotation, packageName(type), modelName(type),
                    networkName(type), input, classes, outputs, loss, fromLogits, optimizer, metrics,
                    topK, layers), diagnostics);
        } catch (UnreadableValueException e) {
            diagnostics.add(unreadable(type, modelAnnotation, e));
            return new Result(null, diagnostics);
        }
    }

    /** The layer fields in source order; null if one could not be read (its problem is reported). */
    private List<LayerDescription> readLayers(TypeElement type, List<Diagnostic> diagnostics) {
        List<LayerDescription> layers = new ArrayList<>();
        boolean readable = true;
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() != ElementKind.FIELD) {
                continue;
            }
            VariableElement field = (VariableElement) member;
            List<AnnotationMirror> layerAnnotations = field.getAnnotationMirrors().stream()
                    .filter(ModelReader::isLayerAnnotation)
                    .map(a -> (AnnotationMirror) a)
                    .toList();
            boolean layerTyped = isLayerType(field);
            String name = field.getSimpleName().toString();
            if (!layerTyped && layerAnnotations.isEmpty()) {
                continue;
            }
            if (!layerTyped) {
                diagnostics.add(Diagnostic.error(field, name + " has a layer annotation but the type "
                        + field.asType() + ". Declare it as " + Layer.class.getSimpleName() + " " + name + ";"));
                readable = false;
                continue;
            }
            if (layerAnnotations.isEmpty()) {
                diagnostics.add(Diagnostic.error(field, name + " is a Layer field without a layer annotation, so Lamina "
                        + "cannot tell what layer it is. Annotate it, for example @Dense(units = 10), or remove it."));
                readable = false;
                continue;
            }
            if (layerAnnotations.size() > 1) {
                diagnostics.add(Diagnostic.error(field, layerAnnotations.get(1), null, name + " has "
                        + layerAnnotations.size() + " layer annotations; a field is one layer. Declare one field for each."));
                readable = false;
                continue;
            }
            if (field.getModifiers().contains(Modifier.STATIC)) {
                diagnostics.add(Diagnostic.error(field, name + " is static; layers are instance fields. Remove static."));
                readable = false;
                continue;
            }
            AnnotationMirror annotation = layerAnnotations.get(0);
            try {
                Optional<LayerSpec> spec = layerSpecs.read(annotation);
                if (spec.isEmpty()) {
                    diagnostics.add(Diagnostic.error(field, annotation, null, "@"
                            + annotation.getAnnotationType().asElement().getSimpleName()
                            + " is marked as a layer annotation, but Lamina has no layer of that kind."));
                    readable = false;
                    continue;
                }
                layers.add(new LayerDescription(field, annotation, name, spec.get(), layerSpecs.from(annotation, spec.get())));
            } catch (UnreadableValueException e) {
                diagnostics.add(unreadable(field, annotation, e));
                readable = false;
            }
        }
        return readable ? layers : null;
    }

    /**
     * Whether {@code type} inherits layer fields, which its network would not have: a model's layers
     * are the fields its class declares, in their order, and a superclass's have no place in that order.
     * Reports them if so.
     */
    private static boolean inheritedLayers(TypeElement type, AnnotationMirror modelAnnotation, List<Diagnostic> diagnostics) {
        List<String> inherited = new ArrayList<>();
        TypeElement superclass = superclass(type);
        for (TypeElement ancestor = superclass; ancestor != null; ancestor = superclass(ancestor)) {
            for (VariableElement field : ElementFilter.fieldsIn(ancestor.getEnclosedElements())) {
                if (isLayerType(field) || field.getAnnotationMirrors().stream().anyMatch(ModelReader::isLayerAnnotation)) {
                    inherited.add(field.getSimpleName().toString());
                }
            }
        }
        if (inherited.isEmpty()) {
            return false;
        }
        String model = type.getSimpleName().toString();
        String fields = String.join(", ", inherited);
        boolean one = inherited.size() == 1;
        diagnostics.add(Diagnostic.error(type, modelAnnotation, null, model + " extends " + superclass.getSimpleName()
                + ", whose layer field" + (one ? " " : "s ") + fields + " would not be in " + model + "'s network: a"
                + " model's layers are the fields its own class declares. Declare " + (one ? fields : "them") + " in "
                + model + ", or remove extends " + superclass.getSimpleName() + "."));
        return true;
    }

    /** The class {@code type} extends, or null for Object or no class. */
    private static TypeElement superclass(TypeElement type) {
        if (!(type.getSuperclass() instanceof DeclaredType declared)
                || ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(Object.class.getName())) {
            return null;
        }
        return (TypeElement) declared.asElement();
    }

    private OptimizerDescription readOptimizer(AnnotationMirror annotation, TypeElement type, List<Diagnostic> diagnostics) {
        try {
            Optimizer.Kind kind = values.enumValue(annotation, "kind", Optimizer.Kind.class);
            double learningRate = values.doubleValue(annotation, "learningRate");
            double weightDecay = values.doubleValue(annotation, "weightDecay");
            return new OptimizerDescription(annotation, kind,
                    learningRate == Optimizer.DEFAULT_LEARNING_RATE ? kind.defaultLearningRate() : learningRate,
                    values.doubleValue(annotation, "momentum"),
                    values.booleanValue(annotation, "nesterov"),
                    values.doubleValue(annotation, "rho"),
                    values.doubleValue(annotation, "beta1"),
                    values.doubleValue(annotation, "beta2"),
                    values.doubleValue(annotation, "epsilon"),
                    weightDecay == Optimizer.DEFAULT_WEIGHT_DECAY ? kind.defaultWeightDecay() : weightDecay,
                    values.doubleValue(annotation, "clipNorm"),
                    values.doubleValue(annotation, "globalClipNorm"),
                    values.doubleValue(annotation, "clipValue"));
        } catch (UnreadableValueException e) {
            diagnostics.add(unreadable(type, annotation, e));
            return null;
        }
    }

    private static Diagnostic unreadable(Element element, AnnotationMirror annotation, UnreadableValueException e) {
        return Diagnostic.error(element, annotation, e.attribute(), "Lamina cannot read this model: "
                + e.getMessage() + ". Give " + e.attribute() + " a constant value of its declared type.");
    }

    private static boolean isLayerAnnotation(AnnotationMirror annotation) {
        Element type = annotation.getAnnotationType().asElement();
        return find(type, LayerAnnotation.class.getName()).isPresent();
    }

    private static boolean isLayerType(VariableElement field) {
        if (field.asType().getKind() != TypeKind.DECLARED) {
            return false;
        }
        Element type = ((DeclaredType) field.asType()).asElement();
        return type instanceof TypeElement t && t.getQualifiedName().contentEquals(Layer.class.getName());
    }

    private static Optional<? extends AnnotationMirror> find(Element element, String annotationType) {
        return element.getAnnotationMirrors().stream()
                .filter(a -> ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotationType))
                .findFirst();
    }

    private String packageName(TypeElement type) {
        PackageElement pkg = elements.getPackageOf(type);
        return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    }

    /** The simple name of the class generated for the model {@code type}: {@code Outer_InnerNetwork} for a nested one. */
    public static String networkName(TypeElement type) {
        return modelName(type).replace('.', '_') + "Network";
    }

    /** MnistMlp for a top-level class, Outer.Inner for a nested one. */
    private static String modelName(TypeElement type) {
        String name = type.getSimpleName().toString();
        Element enclosing = type.getEnclosingElement();
        while (type.getNestingKind() == NestingKind.MEMBER && enclosing instanceof TypeElement outer) {
            name = outer.getSimpleName() + "." + name;
            type = outer;
            enclosing = outer.getEnclosingElement();
        }
        return name;
    }

    private static String kindName(TypeElement type) {
        return switch (type.getKind()) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            case RECORD -> "a record";
            default -> "a " + type.getKind().toString().toLowerCase();
        };
    }
}
