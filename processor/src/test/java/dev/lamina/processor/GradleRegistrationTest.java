package dev.lamina.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Gradle runs a processor incrementally only if its jar says how: Lamina's is isolating (each
 * network depends on its model class alone, which the generator passes as originating element).
 */
class GradleRegistrationTest {

    @Test
    void theProcessorIsRegisteredAsIsolating() throws IOException {
        try (InputStream in = ModelProcessor.class.getResourceAsStream("/META-INF/gradle/incremental.annotation.processors")) {
            assertNotNull(in, "META-INF/gradle/incremental.annotation.processors is missing");
            assertEquals(ModelProcessor.class.getName() + ",isolating", new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
        try (InputStream in = ModelProcessor.class.getResourceAsStream("/META-INF/services/javax.annotation.processing.Processor")) {
            assertNotNull(in, "the javac service registration (AutoService) is missing");
            assertEquals(ModelProcessor.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }
}
