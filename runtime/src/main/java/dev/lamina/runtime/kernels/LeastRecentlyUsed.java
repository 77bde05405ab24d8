package dev.lamina.runtime.kernels;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps that keep their most recently used entries only: what the kernels keep of native objects (contexts, primitives). */
final class LeastRecentlyUsed {
    private LeastRecentlyUsed() {
    }

    /** A map of at most {@code capacity} entries, the least recently read or written dropped first. */
    static <K, V> Map<K, V> map(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
