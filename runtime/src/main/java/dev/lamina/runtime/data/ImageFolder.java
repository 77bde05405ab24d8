package dev.lamina.runtime.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dataset from a folder of images with one sub-folder per class, as Keras'
 * {@code image_dataset_from_directory(labels="inferred", shuffle=False)}:
 * <pre>
 * flowers/daisy/1.jpg, flowers/daisy/2.png, ...
 * flowers/roses/...
 * </pre>
 * gives the classes "daisy", "roses", ... (the folder names, sorted, kept as the dataset's class
 * names) and every image file in a class folder, or in folders inside it, as a sample of that class.
 * Files at the top level, and files whose extension is not an image's, are ignored, as Keras does.
 *
 * <p>The samples come class by class and, within a class, in the order of their paths (folders
 * sorted, then files sorted by name), so a run repeats; {@code fit} shuffles them. Each image is
 * decoded by {@link ImageDecoder}, brought to the channels asked (grey as ITU-R BT.601 luma, or
 * RGB) and resized bilinearly as Keras' default (see {@link ImagePixels#resized}). The features are
 * (samples, height, width, channels), channels last, floats scaled to [0, 1] as Lamina's MNIST
 * loader gives them, where Keras gives 0-255 and leaves the scaling to a {@code Rescaling(1/255)}
 * layer.
 *
 * <p>Nothing is skipped: an empty class folder, a folder without class folders, or any file that does
 * not decode is an {@link ImageFolderException} naming it. All the files that fail are listed at
 * once, so one run finds every file to remove or replace.
 */
public final class ImageFolder {
    /** How many bad files a message lists by name before it counts the rest. */
    private static final int FILES_LISTED = 20;

    private ImageFolder() {
    }

    /**
     * The images of {@code directory}'s class folders, as {@code options} say.
     *
     * @throws ImageFolderException if the folder has no class folders, a class folder has no images,
     *     or an image does not decode
     */
    public static Dataset read(Path directory, ImageFolderOptions options) throws IOException {
        List<ClassFolder> classes = classFolders(directory, options);
        int count = classes.stream().mapToInt(folder -> folder.images.size()).sum();
        int height = options.height();
        int width = options.width();
        int channels = options.channels();
        long perImage = (long) height * width * channels;
        if (perImage * count > Integer.MAX_VALUE - 8) {
            throw new ImageFolderException(directory, count + " images of " + height + " x " + width + " x "
                    + channels + " are more values than a Java array holds; ask for a smaller size");
        }
        float[] features = new float[(int) (perImage * count)];
        int[] labels = new int[count];
        List<ImageFolderException> faults = new ArrayList<>();
        int sample = 0;
        for (int c = 0; c < classes.size(); c++) {
            for (Path file : classes.get(c).images) {
                try {
                    ImagePixels pixels = ImageDecoder.decode(file).inChannels(channels).resized(height, width);
                    System.arraycopy(pixels.values(), 0, features, (int) (sample * perImage), (int) perImage);
                } catch (ImageFolderException e) {
                    faults.add(e);
                }
                labels[sample++] = c;
            }
        }
        if (!faults.isEmpty()) {
            throw failed(directory, faults, count);
        }
        String name = directory.getFileName() != null ? directory.getFileName().toString() : directory.toString();
        Dataset dataset = Dataset.of(name, Nd4j.create(features, new long[] {count, height, width, channels}, 'c'),
                labels, classes.size());
        return dataset.withClassNames(classes.stream().map(folder -> folder.name).toList());
    }

    /**
     * The image files {@link #read} reads, in the order of its samples (Keras' {@code file_paths}):
     * for finding which file a sample came from.
     *
     * @throws ImageFolderException if the folder has no class folders or a class folder has no images
     */
    public static List<Path> files(Path directory, ImageFolderOptions options) throws IOException {
        return classFolders(directory, options).stream().flatMap(folder -> folder.images.stream()).toList();
    }

    /** A class: its folder's name and its image files, in order. */
    private record ClassFolder(String name, List<Path> images) {
    }

    private static List<ClassFolder> classFolders(Path directory, ImageFolderOptions options) throws IOException {
        if (!Files.exists(directory)) {
            throw new ImageFolderException(directory, "no such folder");
        }
        if (!Files.isDirectory(directory)) {
            throw new ImageFolderException(directory, "a file, not a folder of class folders");
        }
        List<Path> folders;
        List<Path> loose;
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> all = entries.sorted(Comparator.comparing(path -> path.getFileName().toString())).toList();
            folders = all.stream().filter(Files::isDirectory).toList();
            loose = all.stream().filter(path -> !Files.isDirectory(path) && options.isImage(fileName(path))).toList();
        }
        if (folders.isEmpty()) {
            throw new ImageFolderException(directory, "no class folders: the images of each class go in a folder"
                    + " named by the class" + (loose.isEmpty() ? "" : loose.size() == 1
                    ? " (" + fileName(loose.get(0)) + " is an image in no class folder)"
                    : " (" + loose.size() + " images, such as " + fileName(loose.get(0)) + ", are in no class folder)"));
        }
        List<ClassFolder> classes = new ArrayList<>();
        for (Path folder : folders) {
            List<Path> images = images(folder, options);
            if (images.isEmpty()) {
                throw new ImageFolderException(folder, "the class folder \"" + fileName(folder) + "\" holds no images ("
                        + options.describeExtensions() + " files); remove it, or put its images in it");
            }
            classes.add(new ClassFolder(fileName(folder), images));
        }
        return classes;
    }

    /** The image files in {@code folder} and the folders inside it: folders in path order, files by name, as Keras lists them. */
    private static List<Path> images(Path folder, ImageFolderOptions options) throws IOException {
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(folder)) {
            folders = walk.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(path -> folder.relativize(path).toString().replace('\\', '/')))
                    .toList();
        } catch (UncheckedIOException e) {
            throw new ImageFolderException(folder, "cannot be listed: " + e.getCause().getMessage());
        }
        List<Path> images = new ArrayList<>();
        for (Path inner : folders) {
            try (Stream<Path> entries = Files.list(inner)) {
                entries.filter(path -> options.isImage(fileName(path)) && Files.isRegularFile(path))
                        .sorted(Comparator.comparing(ImageFolder::fileName))
                        .forEach(images::add);
            }
        }
        return images;
    }

    private static String fileName(Path path) {
        return path.getFileName().toString();
    }

    private static ImageFolderException failed(Path directory, List<ImageFolderException> faults, int count) {
        if (faults.size() == 1) {
            return faults.get(0);
        }
        StringBuilder message = new StringBuilder(directory + ": " + faults.size() + " of the " + count
                + " images cannot be read; remove or replace them:");
        for (int i = 0; i < Math.min(faults.size(), FILES_LISTED); i++) {
            message.append("\n  ").append(faults.get(i).getMessage());
        }
        if (faults.size() > FILES_LISTED) {
            message.append("\n  ... and ").append(faults.size() - FILES_LISTED).append(" more");
        }
        return new ImageFolderException(message.toString(),
                faults.stream().flatMap(fault -> fault.paths().stream()).toList());
    }
}
