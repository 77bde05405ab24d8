package dev.lamina.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
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

    private Dataset load(Path dataDirectory, String prefix, String split) throws IOException {
        Path dir = dataDirectory.resolve(folder);
        Path images = locate(dir, prefix + "-images-idx3-ubyte");
        Path labels = locate(dir, prefix + "-labels-idx1-ubyte");
        return Dataset.fromIdx(folder + " " + split, IdxReader.read(images), images, IdxReader.read(labels), labels, classes);
    }

    /** The file raw or gzipped if present, else downloaded (gzipped) from the first mirror that has it. */
    private Path locate(Path dir, String name) throws IOException {
        for (String candidate : List.of(name, name + ".gz")) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return download(dir, name + ".gz");
    }

    private Path download(Path dir, String fileName) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        List<String> failures = new ArrayList<>();
        for (String mirror : mirrors) {
            URI uri = URI.create(mirror + fileName);
            Path partial = Files.createTempFile(dir, fileName, ".part");
            try {
                HttpResponse<InputStream> response = client.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    failures.add(uri + " answered HTTP " + response.statusCode());
                    continue;
                }
                try (InputStream body = response.body()) {
                    Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                // Renamed into place only once whole, so an interrupted download leaves no half file.
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return target;
            } catch (IOException e) {
                failures.add(uri + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + uri, e);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        throw new IOException(fileName + " is not in " + dir + " and could not be downloaded ("
                + String.join("; ", failures) + "). Put the file there by hand, or run scripts/fetch-data.sh, "
                + "or point -D" + DataDirectory.PROPERTY + " at a folder that has it.");
    }
}
