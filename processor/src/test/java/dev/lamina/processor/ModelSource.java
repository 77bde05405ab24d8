package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A model class written for a test, one field a line, so a test can ask on which line a field is.
 */
final class ModelSource {
    private final String name;
    private final List<String> lines;

    private ModelSource(String name, List<String> lines) {
        this.name = name;
        this.lines = lines;
    }

    /**
     * A model class {@code test.<name>} with the given {@code @Model} attributes and body lines.
     */
    static ModelSource model(String name, String modelAttributes, String... body) {
        return model(List.of("import static dev.lamina.dsl.Activation.*;", "import dev.lamina.dsl.*;"), name,
                modelAttributes, body);
    }

    /** A model class that imports the dsl's types but no constant: {@code activation = Activation.RELU}. */
    static ModelSource modelImportingTypesOnly(String name, String modelAttributes, String... body) {
        return model(List.of("import dev.lamina.dsl.*;"), name, modelAttributes, body);
    }

    private static ModelSource model(List<String> imports, String name, String modelAttributes, String... body) {
        List<String> lines = new java.util.ArrayList<>(List.of("package test;", ""));
        lines.addAll(imports);
        lines.add("");
        // Attributes on several lines ("classes = 2,\noutputs = 3") stay on several, so a test can ask for one's line.
        lines.addAll(List.of(("@Model(" + modelAttributes + ")").split("\n", -1)));
        lines.add("public class " + name + " {");
        lines.addAll(List.of(body));
        lines.add("}");
        return new ModelSource(name, lines);
    }

    /** This model with {@code text} put in place of the first occurrence of {@code placeholder}. */
    ModelSource with(String placeholder, String text) {
        List<String> edited = new java.util.ArrayList<>(lines);
        int line = (int) lineOf(placeholder) - 1;
        edited.set(line, edited.get(line).replaceFirst(java.util.regex.Pattern.quote(placeholder),
                java.util.regex.Matcher.quoteReplacement(text)));
        return new ModelSource(name, edited);
    }

    /** The MNIST model attributes with the given loss settings and RMSprop. */
    static String mnist(String extra) {
        return "input = {28, 28}, classes = 10, loss = Loss.CATEGORICAL_CROSSENTROPY"
                + (extra.isEmpty() ? "" : ", " + extra);
    }

    /** Compiles this model with javac and Lamina's processor. */
    Compilation compile() {
        return javac().withProcessors(new ModelProcessor()).compile(file());
    }

    /** Asserts an error containing {@code message} on the first line containing {@code lineText}. */
    void assertErrorOnLine(Compilation compilation, String message, String lineText) {
        assertThat(compilation).hadErrorContaining(message).inFile(file()).onLine(lineOf(lineText));
    }

    /**
     * Asserts an error containing {@code message} at {@code value}: on the first line containing
     * {@code lineText}, at the column where {@code value} first starts in it.
     */
    void assertErrorAt(Compilation compilation, String message, String lineText, String value) {
        String line = lines.get((int) lineOf(lineText) - 1);
        int column = line.indexOf(value);
        if (column < 0) {
            throw new IllegalArgumentException(lineText + "'s line does not contain " + value);
        }
        assertThat(compilation).hadErrorContaining(message).inFile(file()).onLine(lineOf(lineText)).atColumn(column + 1);
    }

    JavaFileObject file() {
        return JavaFileObjects.forSourceString("test." + name, String.join("\n", lines));
    }

    /** The 1-based line of the first line containing {@code text}. */
    long lineOf(String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains " + text);
    }
}
