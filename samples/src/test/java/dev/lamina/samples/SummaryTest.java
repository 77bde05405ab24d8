package dev.lamina.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.training.AbstractNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The summary a network prints is the one its generated class carries in its Javadoc: the processor
 * and the runtime build it from one layout, each from what it knows, and must agree; a branching
 * model's has Keras' "Connected to" column, a chain's has none.
 */
class SummaryTest {

    @ParameterizedTest
    @EnumSource(Sample.class)
    void theNetworkPrintsTheSummaryOfItsJavadoc(Sample sample) throws Exception {
        AbstractNetwork network = sample.network.apply(1);
        String printed = network.summaryTable();
        assertEquals(javadocSummary(network.getClass().getSimpleName()), printed);
        boolean branches = sample == Sample.TOY_RESNET || sample == Sample.TOY_RESNET_BN;
        assertEquals(branches, printed.contains("Connected to"), printed);
        if (sample == Sample.TOY_RESNET) {
            assertTrue(printed.contains(" Layer (type)                    Output Shape              Param #   Connected to\n"),
                    printed);
            assertTrue(printed.contains(" image (Reshape)                 (None, 28, 28, 1)         0         input\n"), printed);
            assertTrue(printed.contains(" block2 (Add)                    (None, 8, 8, 64)          0         conv4, block1\n"),
                    printed);
            assertTrue(printed.contains(" conv5 (Conv2D)                  (None, 8, 8, 64)          36928     block2\n"), printed);
        }
        assertFalse(printed.lines().anyMatch(line -> line.endsWith(" ")), "no trailing spaces:\n" + printed);
    }

    /** The table between {@code <pre>} and {@code </pre>} in the generated class's Javadoc. */
    private static String javadocSummary(String network) throws Exception {
        String source = Files.readString(Path.of("target/generated-sources/annotations/dev/lamina/samples/" + network + ".java"));
        String table = source.substring(source.indexOf("<pre>\n") + 6, source.indexOf(" * </pre>"));
        return table.lines().map(line -> line.startsWith(" * ") ? line.substring(3) : line.substring(2))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
