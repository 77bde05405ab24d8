package dev.lamina.runtime.data;

import java.nio.file.Path;

/**
 * Where datasets are kept: the system property {@code lamina.data} if set, else the environment
 * variable {@code LAMINA_DATA}, else {@code ~/.lamina/datasets}. Each dataset has a folder of its
 * own inside ({@code mnist/}, {@code fashion-mnist/}, {@code sklearn/}).
 */
public final class DataDirectory {
    public static final String PROPERTY = "lamina.data";
    public static final String ENVIRONMENT = "LAMINA_DATA";

    private DataDirectory() {
    }

    public static Path get() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENVIRONMENT);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".lamina", "datasets");
    }
}
