package dev.lamina.runtime.training;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;

/**
 * What {@code fit} shows of an epoch: a progress bar redrawn in place on a terminal (steps, ETA,
 * running loss and metrics, as far as the terminal's width allows), or one plain line at the epoch's
 * end where the output is not a terminal (a pipe, a CI log, a file), or nothing.
 */
interface EpochProgress {

    /** After each batch: steps done and the running logs. */
    void step(int done, Map<String, Double> running);

    /** At the epoch's end, with its logs (validation included). */
    void end(Map<String, Double> logs, long nanos);

    static EpochProgress of(int verbose, int epoch, int epochs, int steps, PrintStream out) {
        if (verbose == 0) {
            return new EpochProgress() {
                @Override
                public void step(int done, Map<String, Double> running) {
                }

                @Override
                public void end(Map<String, Double> logs, long nanos) {
                }
            };
        }
        if (verbose == 1 && out == System.out && System.console() != null) {
            return new Bar(epoch, epochs, steps, out);
        }
        return new Line(epoch, epochs, out);
    }

    /** "loss: 0.2579 - accuracy: 0.9263", Keras' way. */
    static String format(Map<String, Double> logs) {
        return String.join(" - ", parts(logs));
    }

    /**
     * Each log as "loss: 0.2579", in the logs' order; a value of at most 1e-3 as "learning_rate:
     * 1.0000e-04", as Keras' progress bar prints it, so that a small rate or loss does not read 0.0000.
     */
    static List<String> parts(Map<String, Double> logs) {
        List<String> parts = new ArrayList<>(logs.size());
        logs.forEach((name, value) -> parts.add(String.format(Locale.ROOT,
                Math.abs(value) > 1e-3 ? "%s: %.4f" : "%s: %.4e", name, value)));
        return parts;
    }

    /** One line per epoch. */
    final class Line implements EpochProgress {
        private final int epoch;
        private final int epochs;
        private final PrintStream out;

        Line(int epoch, int epochs, PrintStream out) {
            this.epoch = epoch;
            this.epochs = epochs;
            this.out = out;
        }

        @Override
        public void step(int done, Map<String, Double> running) {
        }

        @Override
        public void end(Map<String, Double> logs, long nanos) {
            out.printf(Locale.ROOT, "Epoch %d/%d - %.1fs - %s%n", epoch + 1, epochs, nanos / 1e9, format(logs));
        }
    }

    /**
     * On a terminal, Keras' display: "Epoch 1/5" on a line of its own, then a progress bar redrawn in
     * place (me.tongfei:progressbar draws it every 250 ms, from a thread of its own) in the terminal's
     * width as {@link ProgressLine} lays it out, replaced at the end by the epoch's summary.
     */
    final class Bar implements EpochProgress {
        private final ProgressBar bar;
        /** The running logs, then the epoch's; written by the training thread, read by the drawing one. */
        private volatile Map<String, Double> logs = Map.of();
        private volatile long nanos;

        Bar(int epoch, int epochs, int steps, PrintStream out) {
            this(epoch, epochs, steps, out, 0);
        }

        /** {@code columns}: the terminal's width, or 0 to ask the terminal before each drawing. */
        Bar(int epoch, int epochs, int steps, PrintStream out, int columns) {
            out.println("Epoch " + (epoch + 1) + "/" + epochs);
            bar = new ProgressBarBuilder()
                    .setInitialMax(steps)
                    .setUpdateIntervalMillis(250)
                    .setRenderer(this::line)
                    .setConsumer(new RedrawnLine(out, columns,
                            width -> ProgressLine.end(steps, nanos, parts(logs), width)))
                    .build();
        }

        private String line(ProgressState state, int columns) {
            return ProgressLine.during(state.getCurrent(), state.getMax(), state.getElapsedAfterStart().toNanos(),
                    parts(logs), columns);
        }

        @Override
        public void step(int done, Map<String, Double> running) {
            logs = running;
            bar.stepTo(done);
        }

        @Override
        public void end(Map<String, Double> logs, long nanos) {
            this.logs = logs;
            this.nanos = nanos;
            bar.close();
        }

        /** Draws the bar now if it moved since the last drawing, as the 250 ms timer would. */
        void draw() {
            bar.refresh();
        }
    }

    /**
     * Prints each drawing over the last with a carriage return, padded with spaces where the last was
     * longer; when the bar closes, the epoch's summary, once, in its place. The library draws the
     * closing bar twice when the last batch was not drawn yet, and a summary continued on a second
     * line would then show twice: so the summary is printed here, and nothing after it. Unlike the
     * library's console consumer, this one does not cut what it prints: the drawings already fit.
     */
    final class RedrawnLine extends ConsoleProgressBarConsumer {
        private final PrintStream out;
        private final IntFunction<String> summary;
        private int drawn;
        private boolean closed;

        /**
         * {@code columns}: the terminal's width, or 0 for the library's answer (JLine's, or 80);
         * {@code summary}: the epoch's summary in a width.
         */
        RedrawnLine(PrintStream out, int columns, IntFunction<String> summary) {
            // One column is kept free, as the library does: writing the last one wraps some terminals.
            super(out, columns > 0 ? columns - 1 : -1);
            this.out = out;
            this.summary = summary;
        }

        @Override
        public synchronized void accept(String text) {
            if (closed) {
                return;
            }
            int firstLine = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
            String padding = " ".repeat(Math.max(0, drawn - firstLine));
            out.print("\r" + text.substring(0, firstLine) + padding + text.substring(firstLine));
            out.flush();
            drawn = firstLine;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            accept(summary.apply(getMaxRenderedLength()));
            closed = true;
            out.println();
            out.flush();
        }
    }
}
