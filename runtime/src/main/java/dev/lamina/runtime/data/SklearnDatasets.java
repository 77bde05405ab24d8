package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's small real datasets, read from the CSV files scikit-learn itself ships, in the
 * folder {@value #FOLDER} of the {@link DataDirectory}; a file that is absent is downloaded there from
 * scikit-learn's repository at release {@value #VERSION} (the one Debian packages, which
 * {@code scripts/fetch-data.sh} copies the files from).
 *
 * <p>The files are read as they are, not converted. breast_cancer.csv, iris.csv and wine_data.csv
 * start with a line of counts and class names ("569,30,malignant,benign"), then rows of features with
 * the class index last: the counts are checked against the rows read. digits.csv.gz has no such
 * line; diabetes keeps its features (space-separated, unscaled, unlike scikit-learn's default
 * {@code scaled=True}) and its target in two files. Feature names are scikit-learn's.
 */
public final class SklearnDatasets {
    /** The data directory's folder for these files. */
    public static final String FOLDER = "sklearn";
    /** The scikit-learn release whose files are downloaded. */
    public static final String VERSION = "1.2.1";
    /** Where absent files are downloaded from: the file name is appended. */
    public static final List<String> MIRRORS = List.of(
            "https://raw.githubusercontent.com/scikit-learn/scikit-learn/" + VERSION + "/sklearn/datasets/data/");

    private static final List<String> BREAST_CANCER_FEATURES = List.of(
            "mean radius", "mean texture", "mean perimeter", "mean area", "mean smoothness",
            "mean compactness", "mean concavity", "mean concave points", "mean symmetry", "mean fractal dimension",
            "radius error", "texture error", "perimeter error", "area error", "smoothness error",
            "compactness error", "concavity error", "concave points error", "symmetry error", "fractal dimension error",
            "worst radius", "worst texture", "worst perimeter", "worst area", "worst smoothness",
            "worst compactness", "worst concavity", "worst concave points", "worst symmetry", "worst fractal dimension");
    private static final List<String> IRIS_FEATURES = List.of(
            "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)");
    private static final List<String> WINE_FEATURES = List.of(
            "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
            "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines",
            "proline");
    private static final List<String> DIABETES_FEATURES = List.of(
            "age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
    private static final String TARGET = "target";

    private SklearnDatasets() {
    }

    /** Breast cancer Wisconsin: 569 rows of 30 features, classes 0 malignant (212) and 1 benign (357). */
    public static ClassifiedTable breastCancer() throws IOException {
        return breastCancer(DataDirectory.get());
    }

    public static ClassifiedTable breastCancer(Path dataDirectory) throws IOException {
        return withCounts(dataDirectory, MIRRORS, "breast cancer", "breast_cancer.csv", BREAST_CANCER_FEATURES);
    }

    /** Fisher's iris: 150 rows of 4 features, 50 each of setosa, versicolor and virginica. */
    public static ClassifiedTable iris() throws IOException {
        return iris(DataDirectory.get());
    }

    public static ClassifiedTable iris(Path dataDirectory) throws IOException {
        return iris(dataDirectory, MIRRORS);
    }

    static ClassifiedTable iris(Path dataDirectory, List<String> mirrors) throws IOException {
        return withCounts(dataDirectory, mirrors, "iris", "iris.csv", IRIS_FEATURES);
    }

    /** Wine recognition: 178 rows of 13 chemical measurements, 3 cultivars class_0, class_1, class_2. */
    public static ClassifiedTable wine() throws IOException {
        return wine(DataDirectory.get());
    }

    public static ClassifiedTable wine(Path dataDirectory) throws IOException {
        return withCounts(dataDirectory, MIRRORS, "wine", "wine_data.csv", WINE_FEATURES);
    }

    /** Optical digits: 1,797 images of 8 x 8 pixels (0 to 16) as 64 features, classes 0 to 9. */
    public static ClassifiedTable digits() throws IOException {
        return digits(DataDirectory.get());
    }

    public static ClassifiedTable digits(Path dataDirectory) throws IOException {
        Path file = locate(dataDirectory, MIRRORS, "digits.csv.gz");
        List<String> columns = new ArrayList<>();
        for (int row = 0; row < 8; row++) {
            for (int column = 0; column < 8; column++) {
                columns.add("pixel_" + row + "_" + column);
            }
        }
        columns.add(TARGET);
        Table table = TableReader.read(file, CsvOptions.defaults().noHeader()
                .columnNames(columns.toArray(String[]::new)).label(TARGET));
        List<String> names = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            names.add(Integer.toString(digit));
        }
        return new ClassifiedTable("digits", table, table.classes(names));
    }

    /**
     * Diabetes: 442 patients' age, sex, body mass index, blood pressure and six blood serum
     * measurements, unscaled, and as the one label column "target" a measure of the disease's
     * progression a year later ({@link Table#targetValues()}).
     */
    public static Table diabetes() throws IOException {
        return diabetes(DataDirectory.get());
    }

    public static Table diabetes(Path dataDirectory) throws IOException {
        Path data = locate(dataDirectory, MIRRORS, "diabetes_data_raw.csv.gz");
        Path target = locate(dataDirectory, MIRRORS, "diabetes_target.csv.gz");
        Table features = TableReader.read(data, CsvOptions.defaults().whitespace().noHeader()
                .columnNames(DIABETES_FEATURES.toArray(String[]::new)));
        Table targets = TableReader.read(target, CsvOptions.defaults().noHeader().columnNames(TARGET).label(TARGET));
        return features.withLabelsOf(targets);
    }

    /** A file whose first line gives the row count, the feature count and the class names, then the rows. */
    private static ClassifiedTable withCounts(Path dataDirectory, List<String> mirrors, String name, String fileName,
                                              List<String> featureNames) throws IOException {
        Path file = locate(dataDirectory, mirrors, fileName);
        List<String> first = TableReader.firstRecord(file, CsvOptions.defaults().noHeader());
        if (first.size() < 3) {
            throw new TableFormatException(file, 1, "the first line should give the rows, the features and the class "
                    + "names, as \"569,30,malignant,benign\", but it has " + first.size() + " cells");
        }
        int rows = count(file, first, 0, "rows");
        int features = count(file, first, 1, "features");
        if (features != featureNames.size()) {
            throw new TableFormatException(file, 1, "column 2", "the first line gives " + features
                    + " features where " + name + " has " + featureNames.size());
        }
        List<String> classNames = List.copyOf(first.subList(2, first.size()));
        List<String> columns = new ArrayList<>(featureNames);
        columns.add(TARGET);
        Table table = TableReader.read(file, CsvOptions.defaults().noHeader().skipLines(1)
                .columnNames(columns.toArray(String[]::new)).label(TARGET));
        if (table.rows() != rows) {
            throw new TableFormatException(file, 1, "column 1", "the first line promises " + rows
                    + " rows but the file holds " + table.rows());
        }
        return new ClassifiedTable(name, table, table.classes(classNames.size()).named(classNames));
    }

    private static int count(Path file, List<String> first, int index, String what) throws TableFormatException {
        String cell = first.get(index).strip();
        try {
            int count = Integer.parseInt(cell);
            if (count > 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new TableFormatException(file, 1, "column " + (index + 1), "the first line should give the number of "
                + what + " here, not " + TableReader.quote(cell));
    }

    /** The file, or the file gzipped, if present; else downloaded. */
    private static Path locate(Path dataDirectory, List<String> mirrors, String fileName) throws IOException {
        Path dir = dataDirectory.resolve(FOLDER);
        for (String candidate : List.of(fileName, fileName + ".gz")) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return Download.into(dir, fileName, mirrors);
    }
}
