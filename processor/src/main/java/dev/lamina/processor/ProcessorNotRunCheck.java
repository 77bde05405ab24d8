package dev.lamina.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.lamina.dsl.Model;
import dev.lamina.processor.read.ModelReader;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * A javac plugin that turns "cannot find symbol MyModelNetwork" into the reason: it reports, on each
 * {@code @Model} class, that annotation processing did not run, and how to make it run.
 *
 * <p>javac starts it by itself ({@link #autoStart()}) from the jar that holds the processor, found where
 * javac looks for processors: on the processor path, where processing runs and this check stays silent,
 * or on the class path. There javac 23 and later run no processor unless given {@code -proc:full}, but
 * still start this plugin (docs/setup.md). It is silent whenever processing runs, so a processor that
 * ran and refused a model is left to say why itself.
 */
@AutoService(Plugin.class)
public final class ProcessorNotRunCheck implements Plugin {

    @Override
    public String getName() {
        return "LaminaProcessorNotRunCheck";
    }

    @Override
    public boolean autoStart() {
        return true;
    }

    @Override
    public void init(JavacTask task, String... args) {
        task.addTaskListener(new Listener(Trees.instance(task)));
    }

    /** The error on a model class whose network was not generated because no processor ran. */
    static String message(String networkName) {
        return "Lamina's annotation processor did not run, so " + networkName + " was not generated. Put "
                + "dev.lamina:lamina-processor on the annotation processor path (Maven: maven-compiler-plugin's "
                + "<annotationProcessorPaths>; Gradle: annotationProcessor): since JDK 23, javac runs processors "
                + "found on the class path only with -proc:full. In an IDE, enable annotation processing.";
    }

    private static final class Listener implements TaskListener {
        private final Trees trees;
        private boolean processing;

        Listener(Trees trees) {
            this.trees = trees;
        }

        @Override
        public void started(TaskEvent event) {
            // When processing runs, javac announces it before it parses the first file.
            if (event.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
                processing = true;
            }
        }

        @Override
        public void finished(TaskEvent event) {
            // Entered, a file's classes have their annotations; attribution, which reports the missing
            // network, comes later.
            if (event.getKind() == TaskEvent.Kind.ENTER && !processing) {
                try {
                    report(event.getCompilationUnit());
                } catch (RuntimeException | LinkageError e) {
                    // Only a hint: never break a compilation over it.
                }
            }
        }

        private void report(CompilationUnitTree unit) {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitClass(ClassTree tree, Void unused) {
                    Element element = trees.getElement(getCurrentPath());
                    if (element instanceof TypeElement type) {
                        for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
                            TypeElement annotationType = (TypeElement) annotation.getAnnotationType().asElement();
                            if (annotationType.getQualifiedName().contentEquals(Model.class.getName())) {
                                Tree at = trees.getTree(type, annotation);
                                trees.printMessage(Kind.ERROR, message(ModelReader.networkName(type)),
                                        at != null ? at : tree, unit);
                            }
                        }
                    }
                    return super.visitClass(tree, unused);
                }
            }.scan(unit, null);
        }
    }
}
