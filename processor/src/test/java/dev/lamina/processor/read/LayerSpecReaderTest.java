package dev.lamina.processor.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Layer;
import dev.lamina.dsl.LayerAnnotation;
import java.io.IOException;
import java.lang.reflect.Method;
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

    /**
     * A layer takes the field before it or the one its {@code from} names; a merge names its inputs in
     * {@code value}. A layer annotation without either could not be placed in a branching model.
     */
    @Test
    void everyLayerAnnotationNamesItsInputs() throws Exception {
        for (String name : layerAnnotations()) {
            Class<?> type = Class.forName(name);
            Method from = method(type, "from");
            Method value = method(type, "value");
            boolean takesOne = from != null && from.getReturnType() == String.class && "".equals(from.getDefaultValue());
            boolean merges = from == null && value != null && value.getReturnType() == String[].class;
            assertTrue(takesOne || merges, name + " has neither String from() default \"\" nor, as a merge, String[] value()");
        }
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
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
