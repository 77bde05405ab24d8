package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scikit-learn's datasets: the real files when they are in the data directory (scripts/fetch-data.sh
 * puts them there), and small files of the same layout written here for the faults and the download.
 */
class SklearnDatasetsTest {
    private static final String IRIS_TOP = "3,4,setosa,versicolor,virginica\n";

    @TempDir
    Path dataDirectory;

    /** The real data directory, if it holds {@code files}; the test is skipped otherwise, rather than downloading. */
    private static Path real(String... files) {
        Path dir = DataDirectory.get();
        for (String file : files) {
            assumeTrue(Files.isRegularFile(dir.resolve(SklearnDatasets.FOLDER).resolve(file)),
                    file + " is not in " + dir.resolve(SklearnDatasets.FOLDER) + "; run scripts/fetch-data.sh to test it");
        }
        return dir;
    }

    private Path writeIris(String content) throws IOException {
        Path folder = Files.createDirectories(dataDirectory.resolve(SklearnDatasets.FOLDER));
        return Files.writeString(folder.resolve("iris.csv"), content, StandardCharsets.UTF_8);
    }

    @Test
    void breastCancer() throws IOException {
        ClassifiedTable data = SklearnDatasets.breastCancer(real("breast_cancer.csv"));
        assertEquals(569, data.table().rows());
        assertEquals(30, data.table().featureCount());
        assertEquals("worst fractal dimension", data.table().featureNames().get(29));
        assertEquals(List.of("malignant", "benign"), data.classes().names());
        assertArrayEquals(new int[] {212, 357}, data.classes().counts(), "0 is malignant");
        assertEquals(17.99f, data.table().feature(0, 0));
        assertEquals("malignant", data.classes().nameOf(0));
    }

    @Test
    void iris() throws IOException {
        ClassifiedTable data = SklearnDatasets.iris(real("iris.csv"));
        Table table = data.table();
        assertEquals(150, table.rows());
        assertEquals(List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
                table.featureNames());
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f},
                Arrays.copyOf(table.featureValues(), 4));
        assertEquals(2, table.line(0), "the first row is the file's second line");
        assertEquals("setosa", data.classes().nameOf(0));
        assertEquals("virginica", data.classes().nameOf(149));
        assertArrayEquals(new int[] {50, 50, 50}, data.classes().counts());

        Dataset dataset = data.dataset();
        assertEquals(150, dataset.size());
        assertEquals(3, dataset.classes());
        assertArrayEquals(new long[] {150, 4}, dataset.features().shape());
    }

    @Test
    void wine() throws IOException {
        ClassifiedTable data = SklearnDatasets.wine(real("wine_data.csv"));
        assertEquals(178, data.table().rows());
        assertEquals(13, data.table().featureCount());
        assertEquals(List.of("class_0", "class_1", "class_2"), data.classes().names());
        assertArrayEquals(new int[] {59, 71, 48}, data.classes().counts());
        assertEquals(1065f, data.table().feature(0, 12));
    }

    @Test
    void diabetes() throws IOException {
        Table data = SklearnDatasets.diabetes(real("diabetes_data_raw.csv.gz", "diabetes_target.csv.gz"));
        assertEquals(442, data.rows());
        assertEquals(List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), data.featureNames());
        assertArrayEquals(new float[] {59, 2, 32.1f, 101, 157, 93.2f, 38, 4, 4.8598f, 87},
                Arrays.copyOf(data.featureValues(), 10));
        float[] targets = data.targetValues();
        assertEquals(442, targets.length);
        assertEquals(151f, targets[0]);
        assertEquals(57f, targets[441]);
        assertArrayEquals(new long[] {442, 1}, data.targets().shape());
        assertArrayEquals(new long[] {442, 10}, data.features().shape());
    }

    @Test
    void digits() throws IOException {
        ClassifiedTable data = SklearnDatasets.digits(real("digits.csv.gz"));
        assertEquals(1797, data.table().rows());
        assertEquals(64, data.table().featureCount());
        assertEquals(10, data.classes().count());
        assertEquals(178, data.classes().counts()[0]);
        assertEquals("0", data.classes().nameOf(0));
    }

    @Test
    void readsTheCountsLineAndChecksIt() throws IOException {
        writeIris(IRIS_TOP + "5.1,3.5,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n6.3,3.3,6.0,2.5,2\n");
        ClassifiedTable data = SklearnDatasets.iris(dataDirectory);
        assertArrayEquals(new int[] {0, 1, 2}, data.classes().indices());
        assertEquals("virginica", data.classes().nameOf(2));

        Path file = writeIris(IRIS_TOP + "5.1,3.5,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n");
        TableFormatException e = assertThrows(TableFormatException.class, () -> SklearnDatasets.iris(dataDirectory));
        assertTrue(e.getMessage().startsWith(file + ", line 1, column 1: the first line promises 3 rows but the file holds 2"),
                e.getMessage());

        writeIris("3,5,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n");
        e = assertThrows(TableFormatException.class, () -> SklearnDatasets.iris(dataDirectory));
        assertTrue(e.getMessage().contains("line 1, column 2: the first line gives 5 features where iris has 4"), e.getMessage());

        writeIris("sepal,petal\n5.1,3.5,1.4,0.2,0\n");
        e = assertThrows(TableFormatException.class, () -> SklearnDatasets.iris(dataDirectory));
        assertTrue(e.getMessage().contains("line 1: the first line should give the rows, the features and the class names"),
                e.getMessage());

        writeIris(IRIS_TOP + "5.1,3.5,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n6.3,3.3,6.0,2.5,3\n");
        e = assertThrows(TableFormatException.class, () -> SklearnDatasets.iris(dataDirectory));
        assertTrue(e.getMessage().contains("line 4, column 5 \"target\": label \"3\" is outside the class indices [0, 3)"),
                e.getMessage());
    }

    @Test
    void downloadsAnAbsentFileFromTheMirror() throws IOException {
        byte[] iris = (IRIS_TOP + "5.1,3.5,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n6.3,3.3,6.0,2.5,2\n").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/data/iris.csv");
            exchange.sendResponseHeaders(known ? 200 : 404, known ? iris.length : -1);
            try (OutputStream body = exchange.getResponseBody()) {
                if (known) {
                    body.write(iris);
                }
            }
        });
        server.start();
        try {
            String mirror = "http://localhost:" + server.getAddress().getPort() + "/data/";
            ClassifiedTable data = SklearnDatasets.iris(dataDirectory, List.of(mirror));
            assertEquals(3, data.table().rows());
            assertTrue(Files.isRegularFile(dataDirectory.resolve("sklearn/iris.csv")));
        } finally {
            server.stop(0);
        }
    }
}
