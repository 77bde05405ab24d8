package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Where a {@code @Model} class may be declared: a class whose network Lamina cannot generate, or would
 * generate without some of its layers, is an error on that class that says what to do instead.
 */
class ModelDeclarationsTest {
    private static final String MODEL = "@Model(input = {28, 28}, classes = 10, loss = Loss.CATEGORICAL_CROSSENTROPY)";
    private static final String LAYERS = "@Flatten Layer flat; @Dense(units = 10, activation = Activation.SOFTMAX) Layer out;";

    @Test
    void aModelDeclaredInAMethodIsAnError() {
        JavaFileObject file = source("test.Trainer",
                "package test;",
                "import dev.lamina.dsl.*;",
                "public class Trainer {",
                "    void train() {",
                "        " + MODEL,
                "        class Local {",
                "            " + LAYERS,
                "        }",
                "    }",
                "}");
        Compilation compilation = javac().withProcessors(new ModelProcessor()).compile(file);
        assertThat(compilation).hadErrorContaining("Local is declared inside a method, where Lamina cannot see its"
                + " layers nor put its network beside it. Declare it as a top-level class, or as a static nested class")
                .inFile(file).onLine(5);
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void aModelThatInheritsLayersIsAnError() {
        JavaFileObject base = source("test.Base",
                "package test;",
                "import dev.lamina.dsl.*;",
                "public class Base {",
                "    @Dropout(0.5) Layer drop;",
                "}");
        JavaFileObject sub = source("test.Sub",
                "package test;",
                "import dev.lamina.dsl.*;",
                MODEL,
                "public class Sub extends Base {",
                "    " + LAYERS,
                "}");
        Compilation compilation = javac().withProcessors(new ModelProcessor()).compile(base, sub);
        assertThat(compilation).hadErrorContaining("Sub extends Base, whose layer field drop would not be in Sub's network:"
                + " a model's layers are the fields its own class declares. Declare drop in Sub, or remove extends Base.")
                .inFile(sub).onLine(3);
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void twoModelsWhoseNetworksWouldShareANameAreErrors() {
        JavaFileObject nested = source("test.A",
                "package test;",
                "import dev.lamina.dsl.*;",
                "public class A {",
                "    " + MODEL,
                "    public static class B {",
                "        " + LAYERS,
                "    }",
                "}");
        JavaFileObject topLevel = source("test.A_B",
                "package test;",
                "import dev.lamina.dsl.*;",
                MODEL,
                "public class A_B {",
                "    " + LAYERS,
                "}");
        Compilation compilation = javac().withProcessors(new ModelProcessor()).compile(nested, topLevel);
        assertThat(compilation).hadErrorContaining("A.B and A_B would both have the network test.A_BNetwork. Rename one"
                + " of them.").inFile(nested).onLine(4);
        assertThat(compilation).hadErrorContaining("A_B and A.B would both have the network test.A_BNetwork. Rename one"
                + " of them.").inFile(topLevel).onLine(3);
        assertEquals(2, compilation.errors().size(), compilation.errors().toString());
    }

    private static JavaFileObject source(String name, String... lines) {
        return JavaFileObjects.forSourceString(name, String.join("\n", List.of(lines)));
    }
}
