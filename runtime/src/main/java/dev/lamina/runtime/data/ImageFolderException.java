package dev.lamina.runtime.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of images, or an image in it, that {@link ImageFolder} cannot read: no class folders, a
 * class folder without images, a file that does not decode. The message names each path at fault
 * and what is wrong with it, for the user who has to fix the folder.
 */
public class ImageFolderException extends IOException {
    private final List<Path> paths;

    /** The fault of one file or folder. */
    public ImageFolderException(Path path, String fault) {
        super(path + ": " + fault);
        this.paths = List.of(path);
    }

    /** Several files at fault, each named in {@code message}. */
    ImageFolderException(String message, List<Path> paths) {
        super(message);
        this.paths = List.copyOf(paths);
    }

    /** The files or folders at fault. */
    public List<Path> paths() {
        return paths;
    }
}
