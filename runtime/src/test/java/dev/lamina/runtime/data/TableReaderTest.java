package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV table reader on small files written here: good ones of many dialects, and every fault by its message. */
class TableReaderTest {
    private static final CsvOptions SPECIES = CsvOptions.defaults().label("species");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Path gzip(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Reading {@code file} fails with a message that names it and holds every one of {@code parts}. */
    private TableFormatException assertFault(Path file, CsvOptions options, String... parts) {
        TableFormatException e = assertThrows(TableFormatException.class, () -> TableReader.read(file, options));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "\"" + part + "\" not in: " + e.getMessage());
        }
        assertEquals(file, e.file());
        return e;
    }

    @Test
    void readsFeaturesAndLabels() throws IOException {
        Table table = TableReader.read(write("iris.csv",
                "length,width,species\n5.1,3.5,setosa\n4.9,3.0,setosa\n6.3,2.5,virginica\n7.0,3.2,versicolor\n"), SPECIES);
        assertEquals(4, table.rows());
        assertEquals(List.of("length", "width"), table.featureNames());
        assertArrayEquals(new float[] {5.1f, 3.5f, 4.9f, 3.0f, 6.3f, 2.5f, 7.0f, 3.2f}, table.featureValues());
        assertEquals(2.5f, table.feature(2, 1));
        assertEquals(List.of("setosa", "setosa", "virginica", "versicolor"), table.labels());
        assertEquals(List.of(2L, 3L, 4L, 5L), List.of(table.line(0), table.line(1), table.line(2), table.line(3)));

        ClassLabels sorted = table.classes();
        assertEquals(List.of("setosa", "versicolor", "virginica"), sorted.names(), "strings become classes in sorted order");
        assertArrayEquals(new int[] {0, 0, 2, 1}, sorted.indices());
        assertArrayEquals(new int[] {2, 1, 1}, sorted.counts());
        assertEquals("virginica", sorted.nameOf(2));

        ClassLabels given = table.classes(List.of("virginica", "versicolor", "setosa"));
        assertArrayEquals(new int[] {2, 2, 0, 1}, given.indices());
    }

    @Test
    void integerLabelsAreClassIndicesAsTheyAre() throws IOException {
        Table table = TableReader.read(write("digits.csv", "a,b,y\n1,2,3\n3,4,1\n5,6,3\n"), CsvOptions.defaults().label("y"));
        ClassLabels classes = table.classes();
        assertArrayEquals(new int[] {3, 1, 3}, classes.indices());
        assertEquals(List.of("0", "1", "2", "3"), classes.names());
        assertArrayEquals(new int[] {3, 1, 3}, table.classes(10).indices());
    }

    @Test
    void refusesALabelOutsideTheClasses() throws IOException {
        Path file = write("labels.csv", "x,label\n1,cat\n2,dog\n3,bird\n");
        Table table = TableReader.read(file, CsvOptions.defaults().label("label"));
        TableFormatException e = assertThrows(TableFormatException.class, () -> table.classes(List.of("cat", "dog")));
        assertTrue(e.getMessage().startsWith(file + ", line 4, column 2 \"label\": label \"bird\" is not one of the 2 classes [cat, dog]"),
                e.getMessage());
        assertEquals(4, e.line());

        Path numbers = write("numbers.csv", "x,label\n1,0\n2,1\n3,3\n");
        Table counted = TableReader.read(numbers, CsvOptions.defaults().label("label"));
        e = assertThrows(TableFormatException.class, () -> counted.classes(3));
        assertTrue(e.getMessage().contains("line 4, column 2 \"label\": label \"3\" is outside the class indices [0, 3)"),
                e.getMessage());
        e = assertThrows(TableFormatException.class, () -> table.classes(3));
        assertTrue(e.getMessage().contains("line 2, column 2 \"label\": label \"cat\" is not a class index"), e.getMessage());

        Table negative = TableReader.read(write("negative.csv", "x,y\n1,-1\n2,1\n"), CsvOptions.defaults().label("y"));
        e = assertThrows(TableFormatException.class, negative::classes);
        assertTrue(e.getMessage().contains("line 2, column 2 \"y\": label \"-1\""), e.getMessage());
        assertArrayEquals(new int[] {0, 1}, negative.classes(List.of("-1", "1")).indices());
    }

    @Test
    void readsRegressionTargets() throws IOException {
        Path file = write("houses.csv", "rooms,area,price,tax\n3,70,250000,1.5e3\n4,95.5,310000,2000\n");
        Table table = TableReader.read(file, CsvOptions.defaults().label("price", "tax"));
        assertEquals(List.of("rooms", "area"), table.featureNames());
        assertArrayEquals(new float[] {250000f, 1500f, 310000f, 2000f}, table.targetValues());
        assertEquals(List.of("250000", "310000"), table.labels("price"));

        Table bad = TableReader.read(write("bad.csv", "x,price\n1,100\n2,cheap\n"), CsvOptions.defaults().label("price"));
        TableFormatException e = assertThrows(TableFormatException.class, bad::targetValues);
        assertTrue(e.getMessage().contains("line 3, column 2 \"price\": \"cheap\" is not a number"), e.getMessage());
    }

    @Test
    void choosesFeatureColumnsAndIgnoresTheRest() throws IOException {
        Path file = write("people.csv", "name,age,height,city\nAda,36,1.65,London\nAlan,41,1.78,Wilmslow\n");
        Table table = TableReader.read(file, CsvOptions.defaults().features("height", "age"));
        assertEquals(List.of("height", "age"), table.featureNames());
        assertArrayEquals(new float[] {1.65f, 36f, 1.78f, 41f}, table.featureValues());
        assertEquals(List.of(), table.labelNames());

        Table byIndex = TableReader.read(file, CsvOptions.defaults().featureColumns(1).labelColumns(3));
        assertEquals(List.of("age"), byIndex.featureNames());
        assertEquals(List.of("London", "Wilmslow"), byIndex.labels());
    }

    @Test
    void readsQuotedCellsWithDelimitersQuotesAndLineBreaks() throws IOException {
        Path file = write("quoted.csv", "x,\"the, label\"\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3, \"two\nlines\"\n4,plain\n");
        Table table = TableReader.read(file, CsvOptions.defaults().label("the, label"));
        assertEquals(List.of("a, b", "say \"hi\"", "two\nlines", "plain"), table.labels());
        assertEquals(4, table.line(2));
        assertEquals(6, table.line(3), "a cell over two lines moves the next row's line on by two");
    }

    @Test
    void readsAHeaderWithSpaces() throws IOException {
        Table table = TableReader.read(write("spaces.csv", " sepal length (cm) , petal width (cm),  class \n1 , 2, a\n"),
                CsvOptions.defaults().label("class"));
        assertEquals(List.of("sepal length (cm)", "petal width (cm)"), table.featureNames());
        assertArrayEquals(new float[] {1, 2}, table.featureValues());
        assertEquals(List.of("a"), table.labels());
    }

    @Test
    void readsOtherDelimiters() throws IOException {
        Table semicolons = TableReader.read(write("semi.csv", "a;b;c\n1;2;x\n3;4;y\n"),
                CsvOptions.defaults().delimiter(';').label("c"));
        assertArrayEquals(new float[] {1, 2, 3, 4}, semicolons.featureValues());

        Table tabs = TableReader.read(write("tabs.tsv", "a\tb\n1\t2\n"), CsvOptions.defaults().delimiter('\t'));
        assertArrayEquals(new float[] {1, 2}, tabs.featureValues());

        Table spaces = TableReader.read(write("spaces.txt", "59 2 32.1\n  48   1 21.6  \n"),
                CsvOptions.defaults().whitespace().noHeader());
        assertEquals(List.of("column 1", "column 2", "column 3"), spaces.featureNames());
        assertArrayEquals(new float[] {59, 2, 32.1f, 48, 1, 21.6f}, spaces.featureValues());
    }

    @Test
    void readsGzippedFilesWhateverTheirName() throws IOException {
        String content = "a,b\n1,2\n3,4\n";
        for (String name : List.of("table.csv.gz", "table-without-suffix")) {
            assertArrayEquals(new float[] {1, 2, 3, 4}, TableReader.read(gzip(name, content), CsvOptions.defaults()).featureValues());
        }
        Path damaged = dir.resolve("damaged.csv.gz");
        byte[] bytes = Files.readAllBytes(gzip("whole.csv.gz", "a,b\n" + "1,2\n".repeat(1000)));
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertFault(damaged, CsvOptions.defaults(), "compression");
    }

    @Test
    void readsCrlfLineEndsAndAByteOrderMark() throws IOException {
        Path file = write("excel.csv", "\uFEFFname,value\r\nx,1\r\n\r\ny,2\r\n");
        Table table = TableReader.read(file, CsvOptions.defaults().label("name"));
        assertEquals(List.of("value"), table.featureNames(), "the byte order mark is not part of the first name");
        assertEquals(List.of("x", "y"), table.labels());
        assertEquals(4, table.line(1), "the blank line is skipped but counted");

        Path bad = write("excel-bad.csv", "\uFEFFname,value\r\nx,1\r\ny,oops\r\n");
        assertFault(bad, CsvOptions.defaults().label("name"), ", line 3, column 2 \"value\": \"oops\" is not a number");
    }

    @Test
    void readsVeryLongRows() throws IOException {
        int columns = 100_000;
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < columns; column++) {
                text.append(column == 0 ? "" : ",").append(row == 0 ? "c" + column : Integer.toString(column % 97));
            }
            text.append('\n');
        }
        Table table = TableReader.read(write("wide.csv", text.toString()), CsvOptions.defaults().label("c0"));
        assertEquals(columns - 1, table.featureCount());
        assertEquals(2, table.rows());
        assertEquals(99_999 % 97, table.feature(1, columns - 2));
    }

    @Test
    void skipsLeadingLinesAndReadsHeaderlessFilesByIndex() throws IOException {
        Path file = write("preamble.csv", "3,2,no,yes\n0.5,1.5,0\n2.5,3.5,1\n4.5,5.5,1\n");
        Table table = TableReader.read(file, CsvOptions.defaults().noHeader().skipLines(1).labelColumns(2));
        assertEquals(3, table.rows());
        assertEquals(2, table.line(0));
        assertArrayEquals(new int[] {0, 1, 1}, table.classes(2).indices());
        assertEquals(List.of("3", "2", "no", "yes"), TableReader.firstRecord(file, CsvOptions.defaults().noHeader()));

        Table named = TableReader.read(file, CsvOptions.defaults().noHeader().skipLines(1).columnNames("a", "b", "y").label("y"));
        assertEquals(List.of("a", "b"), named.featureNames());
        assertFault(write("short.csv", "only\n"), CsvOptions.defaults().skipLines(3), "the file has 1 lines, but the options skip 3");
    }

    @Test
    void refusesTextInANumericColumn() throws IOException {
        Path file = write("text.csv", "a,b,c\n1,2,3\n4,five,6\n");
        TableFormatException e = assertFault(file, CsvOptions.defaults(), ", line 3, column 2 \"b\": \"five\" is not a number");
        assertEquals(3, e.line());
        assertEquals("column 2 \"b\"", e.column());
        assertFault(write("java.csv", "a\n1f\n"), CsvOptions.defaults(), "\"1f\" is not a number");
        assertFault(write("huge.csv", "a\n1e39\n"), CsvOptions.defaults(), "\"1e39\" is too large for a float");
        assertFault(write("headerless.csv", "1,2\n3,x\n"), CsvOptions.defaults().noHeader(), ", line 2, column 2: \"x\" is not a number");
    }

    @Test
    void refusesMissingValues() throws IOException {
        assertFault(write("empty-cell.csv", "a,b,c\n1,,3\n"), CsvOptions.defaults(),
                ", line 2, column 2 \"b\": missing value (empty cell)", "does not fill in");
        for (String marker : List.of("NA", "nan", "?", "N/A", "null")) {
            assertFault(write("marker.csv", "a,b,c\n1,2,3\n4,5," + marker + "\n"), CsvOptions.defaults(),
                    ", line 3, column 3 \"c\": missing value (\"" + marker + "\")");
        }
        assertFault(write("label.csv", "a,y\n1,\n"), CsvOptions.defaults().label("y"), ", line 2, column 2 \"y\": missing value");
        assertFault(write("custom.csv", "a\n-999\n"), CsvOptions.defaults().missing("-999"), "missing value (\"-999\")");
        assertFault(write("unmarked.csv", "a\nNA\n"), CsvOptions.defaults().missing("-999"), "\"NA\" is not a number");
    }

    @Test
    void refusesRaggedRows() throws IOException {
        assertFault(write("short.csv", "a,b,c\n1,2,3\n4,5\n"), CsvOptions.defaults(),
                ", line 3: the row has 2 cells where the header has 3 columns");
        assertFault(write("long.csv", "1,2\n3,4,5\n"), CsvOptions.defaults().noHeader(),
                ", line 2: the row has 3 cells where the first row has 2 columns");
    }

    @Test
    void refusesEmptyFiles() throws IOException {
        assertFault(write("empty.csv", ""), CsvOptions.defaults(), "the file is empty: no header, no rows");
        assertFault(write("blank.csv", "\n\n  \n"), CsvOptions.defaults(), "the file is empty");
        assertFault(write("header-only.csv", "a,b\n"), CsvOptions.defaults(), "the file has a header but no rows");
        assertFault(write("empty-noheader.csv", ""), CsvOptions.defaults().noHeader(), "the file is empty: no rows");
    }

    @Test
    void refusesColumnsTheFileLacks() throws IOException {
        Path file = write("iris.csv", "sepal_length,sepal_width,species\n1,2,a\n");
        assertFault(file, CsvOptions.defaults().label("Species "),
                ", line 1: no label column \"Species\" (did you mean \"species\"?); the columns are \"sepal_length\", \"sepal_width\", \"species\"");
        assertFault(file, CsvOptions.defaults().features("sepal_lenght"), "no feature column \"sepal_lenght\" (did you mean \"sepal_length\"?)");
        TableFormatException e = assertFault(file, CsvOptions.defaults().label("colour"), "no label column \"colour\"; the columns are");
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
        assertFault(file, CsvOptions.defaults().labelColumns(7), "no label column 8 (index 7): the file has 3 columns");
        assertThrows(IllegalArgumentException.class,
                () -> TableReader.read(file, CsvOptions.defaults().label("species").features("species")));
        assertFault(write("twice.csv", "a,b,a\n1,2,3\n"), CsvOptions.defaults(), ", line 1: the header names columns 1 and 3 both \"a\"");
    }

    @Test
    void refusesAnUnterminatedQuote() throws IOException {
        TableFormatException e = assertFault(write("open.csv", "a,b\n1,2\n3,\"open\n4,5\n"), CsvOptions.defaults(),
                ", line 3: a quoted cell starting on this line is never closed");
        assertEquals(3, e.line());
        assertFault(write("after.csv", "a,b\n1,\"x\"y\n"), CsvOptions.defaults().label("b"), ", line 2: text after the closing quote");
    }

    @Test
    void refusesAMissingFileAndBadText() throws IOException {
        assertFault(dir.resolve("nowhere.csv"), CsvOptions.defaults(), "no such file");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "name,x\ncaf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertFault(latin1, CsvOptions.defaults().label("name"), "not UTF-8 text");
    }
}
