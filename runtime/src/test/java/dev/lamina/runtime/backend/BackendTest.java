package dev.lamina.runtime.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The native build the project ships is the one that loads, with no flag on the command line:
 * JavaCPP picks a variant through {@code javacpp.platform.extension}, and a jar on the class path
 * that does not match would load the plain build silently, losing oneDNN's 9x faster convolutions.
 */
class BackendTest {
    private static final String CLASSIFIER = System.getProperty("lamina.nd4j.classifier", "");

    @Test
    void theOneDnnBuildIsTheOneLoaded() {
        assumeTrue(CLASSIFIER.contains("onednn"), "this build picked " + CLASSIFIER + ", not a oneDNN one");
        String buildInfo = Nd4j.getBackend().buildInfo();
        assertTrue(buildInfo.contains("HAVE_ONEDNN"), "nd4j.classifier is " + CLASSIFIER
                + " but the loaded backend was built without oneDNN:\n" + buildInfo);
        assertTrue(Nd4j.getEnvironment().helpersAllowed(), "ND4J's platform helpers (oneDNN) are turned off");
    }
}
