package dev.lamina.runtime;

/** Tests that switch a runtime path by its system property, and set back what was there. */
public final class SystemProperties {
    private SystemProperties() {
    }

    /** Runs {@code body} with the system property {@code name} set to {@code value}, then restores it (or clears it). */
    public static void with(String name, String value, Runnable body) {
        String before = System.getProperty(name);
        System.setProperty(name, value);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }
}
