package dev.lamina.processor;

import com.google.auto.service.AutoService;
import dev.lamina.dsl.Model;
import dev.lamina.processor.check.ModelChecker;
import dev.lamina.processor.generate.NetworkWriter;
import dev.lamina.processor.read.ModelReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Model.class.getName());
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
        for (Element element : round.getElementsAnnotatedWith(modelAnnotation)) {
            if (element instanceof TypeElement type) {
                try {
                    process(type, reporter);
                } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
                    processingEnv.getMessager().printMessage(Kind.ERROR, "Lamina failed on this model with an internal "
                            + "error; please report it with the model class.\n" + stackTrace(e), type);
                }
            }
        }
        return false;
    }

    private void process(TypeElement type, Reporter reporter) {
        ModelReader.Result read = new ModelReader(processingEnv.getElementUtils()).read(type);
        read.diagnostics().forEach(reporter::report);
        if (read.model() == null) {
            return;
        }
        ModelChecker.Result checked = new ModelChecker().check(read.model());
        checked.diagnostics().forEach(reporter::report);
        if (checked.model() == null) {
            return;
        }
        try {
            new NetworkWriter(processingEnv.getElementUtils()).write(checked.model()).writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Kind.ERROR, "Lamina could not write "
                    + read.model().networkName() + ": " + e.getMessage(), type);
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
