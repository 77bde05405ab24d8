package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An image classification dataset in the four-file IDX layout of MNIST, found in its folder of the
 * {@link DataDirectory} (raw or {@code .gz}) or, when absent, downloaded there from public mirrors.
 *
 * @param folder the dataset's folder name inside the data directory
 * @param classes how many classes its labels have
 * @param mirrors base URLs that serve the four files gzipped, tried in order
 */
public record ImageDataset(String folder, int classes, List<String> mirrors) {

    public Dataset train(Path dataDirectory) throws IOException {
        return load(dataDirectory, "train", "train");
    }

    public Dataset test(Path dataDirectory) throws IOException {
        return load(dataDirectory, "t10k", "test");
    }

    /** Whether the test set's images and labels are in {@code dataDirectory} (raw or gzipped), so that {@link #test} downloads nothing. */
    public boolean hasTest(Path dataDirectory) {
        Path dir = dataDirectory.resolve(folder);
        return present(dir, "t10k-images-idx3-ubyte") != null && present(dir, "t10k-labels-idx1-ubyte") != null;
    }

    private Dataset load(Path dataDirectory, String prefix, String split) throws IOException {
        Path dir = dataDirectory.resolve(folder);
        Path images = locate(dir, prefix + "-images-idx3-ubyte");
        Path labels = locate(dir, prefix + "-labels-idx1-ubyte");
        return Dataset.fromIdx(folder + " " + split, IdxReader.read(images), images, IdxReader.read(labels), labels, classes);
    }

    /** The file raw or gzipped if present, else downloaded (gzipped) from the first mirror that has it. */
    private Path locate(Path dir, String name) throws IOException {
        Path file = present(dir, name);
        return file != null ? file : Download.into(dir, name + ".gz", mirrors);
    }

    /** The file raw or gzipped, or null if it is neither. */
    private static Path present(Path dir, String name) {
        for (String candidate : List.of(name, name + ".gz")) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
