package dev.lamina.dsl;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The "did you mean" of messages: the name most like a misspelt one, for a layer's {@code from} at
 * compile time and a table's column at run time alike.
 */
public final class ClosestName {
    private ClosestName() {
    }

    /**
     * The candidate nearest to {@code name} ignoring case, if it is near enough to be a slip: at most
     * two edits, or a third of the name's length for a long one.
     */
    public static Optional<String> among(String name, Collection<String> candidates) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .min(Comparator.comparingInt(candidate -> distance(wanted, candidate.toLowerCase(Locale.ROOT))))
                .filter(candidate -> distance(wanted, candidate.toLowerCase(Locale.ROOT)) <= Math.max(2, name.length() / 3));
    }

    /**
     * Levenshtein's edit distance: insertions, deletions and substitutions. By hand: a library for it
     * (commons-text) would join every user's annotation processor path for these lines.
     */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
