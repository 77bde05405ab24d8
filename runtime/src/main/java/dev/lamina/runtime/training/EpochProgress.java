package dev.lamina.runtime.training;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What {@code fit} shows of an epoch: a progress bar redrawn in place on a terminal (steps, elapsed
 * time, ETA, running loss and accuracy), or one plain line at the epoch's end where the output is
 * not a terminal (a pipe, a CI log, a file), or nothing.
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
        StringBuilder text = new StringBuilder();
        logs.forEach((name, value) -> text.append(text.length() == 0 ? "" : " - ")
                .append(String.format(Locale.ROOT, "%s: %.4f", name, value)));
        return text.toString();
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

    /** A progress bar on a terminal (me.tongfei:progressbar), left on screen with the epoch's logs. */
    final class Bar implements EpochProgress {
        private final ProgressBar bar;

        Bar(int epoch, int epochs, int steps, PrintStream out) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Epoch " + (epoch + 1) + "/" + epochs)
                    .setInitialMax(steps)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(out))
                    .build();
        }

        @Override
        public void step(int done, Map<String, Double> running) {
            bar.stepTo(done);
            bar.setExtraMessage(" " + format(running));
        }

        @Override
        public void end(Map<String, Double> logs, long nanos) {
            bar.setExtraMessage(" " + format(logs));
            bar.close();
        }
    }
}
