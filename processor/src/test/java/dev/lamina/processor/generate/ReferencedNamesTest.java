package dev.lamina.processor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What counts as a name the generated code refers to, on a piece of code written like a network. */
class ReferencedNamesTest {

    @Test
    void importsAndUnqualifiedIdentifiersAreNamesMembersCommentsAndLiteralsAreNot() {
        String source = String.join("\n",
                "package test.models;",
                "",
                "import dev.lamina.dsl.Shape;",
                "import java.util.List;",
                "",
                "/** A {@link Hidden} network, \"quoted\". */",
                "public final class XNetwork extends AbstractNetwork {",
                "    public static final Definition MODEL = new Definition(\"X // not a comment\", Shape.of(28, 28), 1.0E-7,",
                "            parameters -> new Adam(parameters, 0x1F, 10L, 'c', '\\''));",
                "    private final Output flat = output(\"flat\", 784);",
                "",
                "    // forward: not code",
                "    protected void forward(INDArray input, boolean training) {",
                "        Kernel.forward(flat.value(), training, trainingRandom(), List.of(), Shape :: of);",
                "    }",
                "}");
        assertEquals(new TreeSet<>(Set.of("Shape", "List", "XNetwork", "AbstractNetwork", "Definition", "MODEL",
                        "parameters", "Adam", "Output", "flat", "output", "forward", "INDArray", "input", "training",
                        "Kernel", "trainingRandom")),
                new TreeSet<>(ReferencedNames.in(source)));
    }
}
