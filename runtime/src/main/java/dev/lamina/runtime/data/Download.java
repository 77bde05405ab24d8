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
 * Fetches a dataset file into its folder of the {@link DataDirectory} from the first of its public
 * mirrors that has it: the one downloader every dataset shares.
 */
final class Download {
    private Download() {
    }

    /**
     * Downloads {@code fileName} into {@code dir} from {@code mirror + fileName}, mirror after mirror.
     *
     * @return the downloaded file, {@code dir.resolve(fileName)}
     * @throws IOException naming every mirror's failure and what the user can do instead, if none has it
     */
    static Path into(Path dir, String fileName, List<String> mirrors) throws IOException {
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
