package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.lamina.processor.ModelSource.mnist;
import static dev.lamina.processor.ModelSource.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A model compiled without annotation processing gets an error that says why its network is missing.
 * {@code -proc:none} stands in for javac 23 and later, which run no processor found on the class path
 * unless given {@code -proc:full}: the plugin is found and started all the same (scripts/check-examples.sh
 * shows it on JDK 25 with the processor as a plain dependency).
 */
class ProcessorNotRunCheckTest {
    private static final ModelSource MLP = model("Mlp", mnist(""),
            "    @Flatten Layer flat;",
            "    @Dense(units = 10, activation = SOFTMAX) Layer out;");

    private static final JavaFileObject USER = JavaFileObjects.forSourceLines("test.Use",
            "package test;",
            "",
            "class Use {",
            "    static Object train() {",
            "        return MlpNetwork.create(42);",
            "    }",
            "}");

    @Test
    void withoutProcessingTheModelGetsTheReasonBeforeCannotFindSymbol() {
        Compilation compilation = javac().withOptions("-proc:none").compile(MLP.file(), USER);
        assertThat(compilation).failed();
        MLP.assertErrorOnLine(compilation, ProcessorNotRunCheck.message("MlpNetwork"), "@Model(");
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(USER);
        // A use in a method body is attributed after the model's file is entered: the reason comes first.
        // (A field or signature of the network's type is resolved while entering, so before it.)
        String first = compilation.errors().get(0).getMessage(null);
        assertEquals(ProcessorNotRunCheck.message("MlpNetwork"), first, "the reason comes first");
    }

    @Test
    void aNestedModelIsNamedAsItsNetworkIsAndOtherClassesAreLeftAlone() {
        JavaFileObject outer = JavaFileObjects.forSourceLines("test.Outer",
                "package test;",
                "",
                "import static dev.lamina.dsl.Activation.*;",
                "import dev.lamina.dsl.*;",
                "",
                "public class Outer {",
                "    @Model(input = {4}, classes = 2, loss = Loss.CATEGORICAL_CROSSENTROPY)",
                "    public static class Inner {",
                "        @Dense(units = 2, activation = SOFTMAX) Layer out;",
                "    }",
                "}");
        Compilation compilation = javac().withOptions("-proc:none").compile(outer);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(ProcessorNotRunCheck.message("Outer_InnerNetwork"))
                .inFile(outer).onLine(7);
    }

    @Test
    void withProcessingItSaysNothing() {
        Compilation compilation = javac().withProcessors(new ModelProcessor()).compile(MLP.file(), USER);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void theProcessorJarRegistersThePlugin() throws IOException {
        try (InputStream in = ProcessorNotRunCheck.class.getResourceAsStream("/META-INF/services/com.sun.source.util.Plugin")) {
            assertNotNull(in, "the javac plugin registration (AutoService) is missing");
            assertEquals(ProcessorNotRunCheck.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }
}
