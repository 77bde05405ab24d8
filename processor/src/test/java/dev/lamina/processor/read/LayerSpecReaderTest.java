package dev.lamina.processor.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Layer;
import dev.lamina.dsl.LayerAnnotation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every layer annotation the dsl declares can be read: a new annotation without its entry in
 * {@link LayerSpecReader} fails here, not in a user's build.
 */
class LayerSpecReaderTest {

    @Test
    void everyLayerAnnotationOfTheDslHasAReading() throws Exception {
        Set<String> declared = layerAnnotations();
        assertTrue(declared.size() >= 8, "the dsl's layer annotations were found: " + declared);
        assertEquals(declared, new TreeSet<>(LayerSpecReader.annotations()));
    }

    /** The annotation types marked {@code @LayerAnnotation} in the dsl's classes (a folder, or a jar). */
    private static Set<String> layerAnnotations() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(Layer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> names = new TreeSet<>();
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
            Path root = jar == null ? location : jar.getPath("/");
            Path dsl = root.resolve(Layer.class.getPackageName().replace('.', '/'));
            try (Stream<Path> classes = Files.list(dsl)) {
                for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = Layer.class.getPackageName() + "." + file.getFileName().toString().replace(".class", "");
                    Class<?> type = Class.forName(name);
                    if (type.isAnnotation() && type.isAnnotationPresent(LayerAnnotation.class)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
