package dev.lamina.runtime.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of an epoch's progress bar on a terminal, in Keras' layout:
 * {@code 212/469 [=============>................] - ETA: 4s - loss: 0.2579 - accuracy: 0.9263}.
 *
 * <p>During the epoch the line is redrawn in place, so it must fit the terminal: a wider line wraps,
 * and every redraw then leaves a line behind. The bar keeps Keras' 30 columns (narrower only where
 * the terminal cannot hold it beside the step counts) and the parts after it follow in order, each
 * whole, as far as they fit; the rest waits for the epoch's end. At the end nothing is left out: the
 * full bar, the epoch's time and every log, continued on the lines below where they do not fit.
 */
final class ProgressLine {
    /** Keras' bar width, in columns. */
    static final int BAR = 30;
    private static final String SEPARATOR = " - ";

    private ProgressLine() {
    }

    /** After {@code done} of {@code steps} batches: one line of at most {@code columns} characters. */
    static String during(long done, long steps, long elapsedNanos, List<String> logs, int columns) {
        List<String> parts = new ArrayList<>();
        if (done > 0 && done < steps) {
            parts.add("ETA: " + eta((steps - done) * (elapsedNanos / 1e9) / done));
        }
        parts.addAll(logs);
        StringBuilder line = head(done, steps, columns);
        for (String part : parts) {
            if (line.length() + SEPARATOR.length() + part.length() > columns) {
                break;
            }
            line.append(SEPARATOR).append(part);
        }
        // Only a terminal narrower than the step counts themselves gets them cut.
        return line.length() <= columns ? line.toString() : line.substring(0, Math.max(columns, 0));
    }

    /**
     * The epoch's summary: the full bar, its time and every log; parts that do not fit continue on
     * further lines, indented under the bar, none longer than {@code columns} unless a single part is.
     */
    static String end(long steps, long nanos, List<String> logs, int columns) {
        List<String> parts = new ArrayList<>();
        parts.add(time(nanos, steps));
        parts.addAll(logs);
        StringBuilder text = head(steps, steps, columns);
        String indent = " ".repeat(counts(steps, steps).length() + 1);
        int lineStart = 0;
        for (String part : parts) {
            boolean lineHasParts = text.length() - lineStart > indent.length();
            if (lineHasParts && text.length() - lineStart + SEPARATOR.length() + part.length() > columns) {
                text.append('\n');
                lineStart = text.length();
                text.append(indent).append("- ").append(part);
            } else {
                text.append(SEPARATOR).append(part);
            }
        }
        return text.toString();
    }

    /** The step counts and the bar, as wide as the terminal allows up to {@link #BAR}. */
    private static StringBuilder head(long done, long steps, int columns) {
        StringBuilder head = new StringBuilder(counts(done, steps));
        int width = Math.min(BAR, columns - head.length() - 3);
        if (width > 0) {
            head.append(" [").append(bar(done, steps, width)).append(']');
        }
        return head;
    }

    /** "212/469", the count padded to the total's width so that the line does not shift. */
    private static String counts(long done, long steps) {
        String total = Long.toString(steps);
        return String.format(Locale.ROOT, "%" + total.length() + "d/%s", done, total);
    }

    /** Keras' bar: '=' for the batches done, '>' at the front while the epoch runs, '.' for the rest. */
    static String bar(long done, long steps, int width) {
        int filled = (int) (width * Math.min(done, steps) / Math.max(steps, 1));
        StringBuilder bar = new StringBuilder(width);
        if (filled > 0) {
            bar.append("=".repeat(filled - 1)).append(done < steps ? '>' : '=');
        }
        return bar.append(".".repeat(width - filled)).toString();
    }

    /** Keras' ETA: "4s", "1:05", "1:02:03". */
    private static String eta(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60) : s + "s";
    }

    /** The epoch's time and the time per batch: "6.9s 15ms/step". */
    private static String time(long nanos, long steps) {
        double perStep = nanos / 1e9 / Math.max(steps, 1);
        String step = perStep >= 1 ? String.format(Locale.ROOT, "%.1fs", perStep)
                : perStep >= 1e-3 ? String.format(Locale.ROOT, "%.0fms", perStep * 1e3)
                : String.format(Locale.ROOT, "%.0fus", perStep * 1e6);
        return String.format(Locale.ROOT, "%.1fs %s/step", nanos / 1e9, step);
    }
}
