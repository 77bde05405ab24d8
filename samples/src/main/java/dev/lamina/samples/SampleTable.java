package dev.lamina.samples;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * The section of {@code --help} that lists the samples, each with the epochs and batch size it
 * trains with unless told otherwise (the defaults of {@code --epochs} and {@code --batch-size}) and
 * its model, which wraps within the help's width.
 */
final class SampleTable implements IHelpSectionRenderer {
    static final String KEY = "samples";
    private static final int NUMBERS = 13;

    @Override
    public String render(Help help) {
        int width = help.commandSpec().usageMessage().width();
        // The longest id, its indent and two spaces: every id on its own row's line.
        int id = 4 + Arrays.stream(Sample.values()).mapToInt(sample -> sample.id.length()).max().orElse(0);
        TextTable table = TextTable.forColumns(help.colorScheme(),
                new Column(id, 2, Overflow.SPAN),
                new Column(NUMBERS, 0, Overflow.SPAN),
                new Column(width - id - NUMBERS, 2, Overflow.WRAP));
        table.indentWrappedLines = 0;
        table.addRowValues("sample", "epochs  batch", "model");
        for (Sample sample : Sample.values()) {
            table.addRowValues(sample.id, String.format(Locale.ROOT, "%6d %6d", sample.epochs, sample.batchSize),
                    sample.description);
        }
        return String.format("%nSamples, with the epochs and batch size each trains with by default:%n") + table;
    }
}
