package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.ModelSource.mnist;
import static dev.lamina.processor.ModelSource.modelImportingTypesOnly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The code a message proposes compiles where the user pastes it: each test takes the fix out of the
 * message the processor printed, puts it into the model, and compiles the model again. The models
 * import the dsl's types, as they do its annotations, and no constant.
 */
class SuggestedFixesTest {

    @Test
    void theFixForAKernelLargerThanItsInputCompilesPasted() {
        ModelSource source = modelImportingTypesOnly("BigKernel", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @MaxPool2D({8, 8}) Layer pool;",
                "    @Conv2D(filters = 8, kernel = {5, 5}/*fix*/) Layer conv;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = Activation.SOFTMAX) Layer out;");
        String message = onlyMessage(source.compile(), Diagnostic.Kind.ERROR);
        // The layer is named once, by the prefix: not "conv: conv's kernel".
        assertTrue(message.startsWith("conv: Conv2D's kernel 5x5 is larger than its input's 3x3"), message);
        String fix = find("Use a smaller kernel, (padding = [^,]+),", message);
        assertThat(source.with("/*fix*/", ", " + fix).compile()).succeededWithoutWarnings();
    }

    @Test
    void theFixForALinearOutputCompilesPasted() {
        ModelSource source = modelImportingTypesOnly("Linear", mnist(""),
                "    @Flatten Layer flat;",
                "    @Dense(units = 10/*fix*/) Layer out;");
        String message = onlyMessage(source.compile(), Diagnostic.Kind.WARNING);
        String fix = find("Set (activation = \\S+) on", message);
        assertThat(source.with("/*fix*/", ", " + fix).compile()).succeededWithoutWarnings();
    }

    @Test
    void theFixForAnActivationLayerOutputCompilesPasted() {
        ModelSource source = modelImportingTypesOnly("Squashed", mnist(""),
                "    @Flatten Layer flat;",
                "    @Dense(units = 10) Layer logits;",
                "    /*fix*/@ActivationLayer(Activation.TANH) Layer out;");
        String message = onlyMessage(source.compile(), Diagnostic.Kind.WARNING);
        assertTrue(message.startsWith("out outputs tanh values but the loss expects probabilities"), message);
        String fix = find("Make it (@ActivationLayer\\(\\S+\\)),", message);
        assertThat(source.with("/*fix*/@ActivationLayer(Activation.TANH)", fix).compile()).succeededWithoutWarnings();
    }

    @Test
    void theExampleLayersOfAnEmptyModelCompilePasted() {
        ModelSource source = modelImportingTypesOnly("Empty", mnist(""), "    /*fix*/");
        String message = onlyMessage(source.compile(), Diagnostic.Kind.ERROR);
        String fix = find("for example (.*)$", message);
        assertThat(source.with("/*fix*/", fix).compile()).succeededWithoutWarnings();
    }

    @Test
    void thePoolWindowMessageNamesTheLayerOnce() {
        ModelSource source = modelImportingTypesOnly("BigPool", mnist(""),
                "    @Reshape({28, 28, 1}) Layer image;",
                "    @MaxPool2D({30, 2}) Layer pool;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 10, activation = Activation.SOFTMAX) Layer out;");
        String message = onlyMessage(source.compile(), Diagnostic.Kind.ERROR);
        assertTrue(message.startsWith("pool: MaxPool2D's pool window 30x2 is larger than its input's 28x28"), message);
    }

    private static String onlyMessage(Compilation compilation, Diagnostic.Kind kind) {
        var messages = compilation.diagnostics().stream().filter(d -> d.getKind() == kind).toList();
        assertTrue(messages.size() == 1, messages.toString());
        return messages.get(0).getMessage(Locale.ROOT).lines().findFirst().orElseThrow();
    }

    /** The first group of {@code regex} in {@code message}. */
    private static String find(String regex, String message) {
        Matcher matcher = Pattern.compile(regex).matcher(message);
        assertTrue(matcher.find(), "no " + regex + " in: " + message);
        return matcher.group(1);
    }
}
