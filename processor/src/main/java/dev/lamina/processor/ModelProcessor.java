package dev.lamina.processor;

import com.google.auto.service.AutoService;
import dev.lamina.dsl.Model;
import dev.lamina.processor.check.ModelChecker;
import dev.lamina.processor.check.NetworkNames;
import dev.lamina.processor.generate.NetworkWriter;
import dev.lamina.processor.read.LocalModels;
import dev.lamina.processor.read.ModelDescription;
import dev.lamina.processor.read.ModelReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Lamina's annotation processor. For every {@code @Model} class it reads the model, checks every
 * shape, reports each problem on the field or value at fault, and, if there is none, generates the
 * network class. It never throws out of the compiler: an internal failure becomes an error on the
 * model.
 */
@AutoService(Processor.class)
public final class ModelProcessor extends AbstractProcessor {
    private final NetworkNames networkNames = new NetworkNames();

    /**
     * Every annotation, "*": javac calls a processor for the rounds holding its annotations, and a
     * {@code @Model} in a method is not among them, yet must be found to be reported ({@link LocalModels}).
     * Nothing is claimed, so other processors see every annotation still.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement modelAnnotation = processingEnv.getElementUtils().getTypeElement(Model.class.getName());
        if (modelAnnotation == null) {
            return false;
        }
        Reporter reporter = new Reporter(processingEnv.getMessager());
        LocalModels.in(processingEnv).report(round.getRootElements());
        List<ModelDescription> models = new ArrayList<>();
        for (Element element : round.getElementsAnnotatedWith(modelAnnotation)) {
            if (element instanceof TypeElement type) {
                guarded(type, () -> read(type, reporter).ifPresent(models::add));
            }
        }
        List<Diagnostic> clashes = new ArrayList<>();
        List<ModelDescription> distinct = networkNames.distinct(models, clashes);
        clashes.forEach(reporter::report);
        for (ModelDescription model : distinct) {
            guarded(model.type(), () -> checkAndWrite(model, reporter));
        }
        return false;
    }

    /** Runs one step on {@code type}'s model; an internal failure becomes an error on the model. */
    private void guarded(TypeElement type, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            processingEnv.getMessager().printMessage(Kind.ERROR, "Lamina failed on this model with an internal "
                    + "error; please report it with the model class.\n" + stackTrace(e), type);
        }
    }

    private Optional<ModelDescription> read(TypeElement type, Reporter reporter) {
        ModelReader.Result read = new ModelReader(processingEnv.getElementUtils()).read(type);
        read.diagnostics().forEach(reporter::report);
        return Optional.ofNullable(read.model());
    }

    private void checkAndWrite(ModelDescription model, Reporter reporter) {
        ModelChecker.Result checked = new ModelChecker().check(model);
        checked.diagnostics().forEach(reporter::report);
        if (checked.model() == null) {
            return;
        }
        try {
            new NetworkWriter(processingEnv.getElementUtils()).write(checked.model()).writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Kind.ERROR, "Lamina could not write " + model.networkName()
                    + ", the network of " + model.modelName() + ": " + e.getMessage() + ". If another class has that"
                    + " name, rename it or the model.", model.type());
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
