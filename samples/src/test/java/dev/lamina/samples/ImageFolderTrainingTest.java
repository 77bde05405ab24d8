package dev.lamina.samples;

import static dev.lamina.dsl.Activation.RELU;
import static dev.lamina.dsl.Activation.SOFTMAX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.Conv2D;
import dev.lamina.dsl.Dense;
import dev.lamina.dsl.Flatten;
import dev.lamina.dsl.Layer;
import dev.lamina.dsl.Loss;
import dev.lamina.dsl.MaxPool2D;
import dev.lamina.dsl.Metric;
import dev.lamina.dsl.Model;
import dev.lamina.dsl.Optimizer;
import dev.lamina.runtime.data.DataDirectory;
import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.ImageFolder;
import dev.lamina.runtime.data.ImageFolderOptions;
import dev.lamina.runtime.data.Mnist;
import dev.lamina.runtime.training.FitOptions;
import dev.lamina.runtime.training.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MNIST digits written as PNG files into class folders and read back with {@link ImageFolder} train a
 * generated network exactly as the same digits from the IDX files do: the folder is the same data.
 */
class ImageFolderTrainingTest {
    private static final int DIGITS = 2000;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    /** A small convnet on (28, 28, 1) images, the shape {@link ImageFolder} gives grey digits. */
    @Model(input = {28, 28, 1}, classes = 10, loss = Loss.CATEGORICAL_CROSSENTROPY,
           optimizer = @Optimizer(kind = Optimizer.Kind.ADAM), metrics = Metric.ACCURACY)
    static class Digits {
        @Conv2D(filters = 4, kernel = {3, 3}, activation = RELU) Layer conv;
        @MaxPool2D({2, 2})                                       Layer pool;
        @Flatten                                                 Layer flat;
        @Dense(units = 10, activation = SOFTMAX)                 Layer out;
    }

    @Test
    void oneEpochOnThePngFolderHasTheLossOfOneEpochOnTheIdxArrays() throws IOException {
        Assumptions.assumeTrue(Mnist.hasTest(),
                "MNIST is not in the data directory " + DataDirectory.get() + " (scripts/fetch-data.sh puts it there)");
        Dataset mnist = Mnist.test().slice(0, DIGITS);
        int[] labels = mnist.labels();
        for (int i = 0; i < DIGITS; i++) {
            BufferedImage digit = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    digit.getRaster().setSample(x, y, 0, Math.round(mnist.features().getFloat(i, y, x) * 255));
                }
            }
            Path file = dir.resolve(labels[i] + "/" + String.format("%05d.png", i));
            Files.createDirectories(file.getParent());
            ImageIO.write(digit, "png", file.toFile());
        }
        ImageFolderOptions options = ImageFolderOptions.size(28, 28).channels(1);
        Dataset folder = ImageFolder.read(dir, options);

        // The IDX digits in the folder's order (class by class, then by file name), shaped as its images.
        List<Path> files = ImageFolder.files(dir, options);
        int[] order = files.stream().mapToInt(file -> Integer.parseInt(file.getFileName().toString().substring(0, 5)))
                .toArray();
        Dataset ordered = mnist.select(order);
        Dataset arrays = Dataset.of("MNIST test digits from IDX", ordered.features().reshape('c', DIGITS, 28, 28, 1),
                ordered.labels(), 10);
        assertArrayEquals(arrays.labels(), folder.labels());

        FitOptions oneEpoch = FitOptions.epochs(1).batchSize(32).seed(SEED).verbose(0);
        ImageFolderTrainingTest_DigitsNetwork fromFolder = ImageFolderTrainingTest_DigitsNetwork.create(SEED);
        ImageFolderTrainingTest_DigitsNetwork fromArrays = ImageFolderTrainingTest_DigitsNetwork.create(SEED);
        History folderHistory = fromFolder.fit(folder, oneEpoch);
        History arrayHistory = fromArrays.fit(arrays, oneEpoch);

        double loss = folderHistory.last("loss");
        assertEquals(arrayHistory.last("loss"), loss, 1e-6);
        assertEquals(arrayHistory.last("accuracy"), folderHistory.last("accuracy"), 1e-6);
        assertTrue(loss < 2.1, "one epoch of 2,000 digits learns something (ln 10 = 2.30 is guessing): loss " + loss);
        assertEquals(fromArrays.evaluate(arrays).accuracy(), fromFolder.evaluate(folder).accuracy(), 1e-9);
    }
}
