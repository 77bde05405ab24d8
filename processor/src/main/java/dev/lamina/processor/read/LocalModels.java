package dev.lamina.processor.read;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.lamina.dsl.Model;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * {@code @Model} on a class declared inside a method (or in an anonymous class): javac never shows
 * a processor such a class, and its network could not be put beside it, so it would be ignored in
 * silence. Found in the source trees, javac's own API; under a compiler or an environment without it
 * (ECJ, Gradle's incremental processing) there is nothing to find them with, and none is reported.
 * The annotation is recognised by its name as written, since nothing in a method is resolved yet.
 */
public final class LocalModels {
    private static final String MODEL = Model.class.getName();

    /** javac's trees, or null. */
    private final Trees trees;

    private LocalModels(Trees trees) {
        this.trees = trees;
    }

    public static LocalModels in(ProcessingEnvironment environment) {
        try {
            return new LocalModels(Trees.instance(environment));
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return new LocalModels(null);
        }
    }

    /** Reports an error on every {@code @Model} declared inside a method of {@code roots}' sources. */
    public void report(Set<? extends Element> roots) {
        if (trees == null) {
            return;
        }
        for (Element root : roots) {
            TreePath path = root instanceof TypeElement ? trees.getPath(root) : null;
            if (path != null) {
                new Finder(path.getCompilationUnit()).scan(path, null);
            }
        }
    }

    private final class Finder extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree unit;

        Finder(CompilationUnitTree unit) {
            this.unit = unit;
        }

        @Override
        public Void visitClass(ClassTree declaration, Void unused) {
            String where = enclosingCode();
            if (where != null) {
                for (AnnotationTree annotation : declaration.getModifiers().getAnnotations()) {
                    if (isModel(annotation.getAnnotationType().toString())) {
                        trees.printMessage(Kind.ERROR, declaration.getSimpleName() + " is declared inside " + where
                                + ", where Lamina cannot see its layers nor put its network beside it. Declare it as a"
                                + " top-level class, or as a static nested class of " + topLevelClass() + ".",
                                annotation, unit);
                    }
                }
            }
            return super.visitClass(declaration, unused);
        }

        /** "a method" or "an anonymous class" if the class being visited is declared in one; null if not. */
        private String enclosingCode() {
            for (TreePath path = getCurrentPath().getParentPath(); path != null; path = path.getParentPath()) {
                Tree.Kind kind = path.getLeaf().getKind();
                if (kind == Tree.Kind.NEW_CLASS) {
                    return "an anonymous class";
                }
                if (kind == Tree.Kind.BLOCK || kind == Tree.Kind.LAMBDA_EXPRESSION) {
                    return "a method";
                }
            }
            return null;
        }

        private String topLevelClass() {
            TreePath path = getCurrentPath();
            while (path.getParentPath().getLeaf() != unit) {
                path = path.getParentPath();
            }
            return path.getLeaf() instanceof ClassTree type ? type.getSimpleName().toString() : "its file";
        }

        /** Whether {@code written}, an annotation's name as written, names Lamina's {@code @Model} in this file. */
        private boolean isModel(String written) {
            if (written.equals(MODEL)) {
                return true;
            }
            if (!written.equals(Model.class.getSimpleName())) {
                return false;
            }
            String dsl = Model.class.getPackageName();
            if (unit.getPackageName() != null && unit.getPackageName().toString().equals(dsl)) {
                return true;
            }
            for (ImportTree imported : unit.getImports()) {
                String name = imported.getQualifiedIdentifier().toString();
                if (!imported.isStatic() && (name.equals(MODEL) || name.equals(dsl + ".*"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
