package dev.lamina.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * How {@link ImageFolder} reads a folder of images: the size every image is resized to, the
 * channels (1 for grey levels, 3 for RGB) and which files are images. Immutable: every method
 * returns a changed copy, so {@code ImageFolderOptions.size(28, 28).channels(1)} reads.
 *
 * <p>By default, as Keras' {@code image_dataset_from_directory}: 3 channels (RGB) and the files
 * ending .bmp, .gif, .jpeg, .jpg or .png, in any case. Keras' default size, 256 x 256, is not
 * assumed: the size is the model's input, so it is always given.
 */
public final class ImageFolderOptions {
    /** Keras' {@code ALLOWLIST_FORMATS}. */
    public static final List<String> DEFAULT_EXTENSIONS = List.of("bmp", "gif", "jpeg", "jpg", "png");

    private final int height;
    private final int width;
    private final int channels;
    private final List<String> extensions;

    private ImageFolderOptions(int height, int width, int channels, List<String> extensions) {
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.extensions = extensions;
    }

    /** Images resized to {@code height} x {@code width}, RGB, the default extensions. */
    public static ImageFolderOptions size(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("an image size must be at least 1 x 1 but is " + height + " x " + width);
        }
        return new ImageFolderOptions(height, width, 3, DEFAULT_EXTENSIONS);
    }

    /**
     * 1 channel, grey levels (ITU-R BT.601 luma, as Keras' {@code color_mode="grayscale"} and PIL's
     * mode "L": 0.299 R + 0.587 G + 0.114 B), or 3, RGB (Keras' {@code "rgb"}).
     */
    public ImageFolderOptions channels(int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images are read with 1 channel (grey levels) or 3 (RGB), not "
                    + channels);
        }
        return new ImageFolderOptions(height, width, channels, extensions);
    }

    /**
     * Only files ending in one of {@code extensions} ("png" or ".png", any case) are images; others
     * are ignored, as Keras' {@code formats} filter does. Each must be one javax.imageio can read.
     */
    public ImageFolderOptions extensions(String... extensions) {
        if (extensions.length == 0) {
            throw new IllegalArgumentException("at least one image file extension is needed");
        }
        Set<String> readable = new TreeSet<>();
        for (String suffix : ImageIO.getReaderFileSuffixes()) {
            readable.add(suffix.toLowerCase(Locale.ROOT));
        }
        List<String> normalized = new ArrayList<>();
        for (String extension : extensions) {
            String plain = extension.startsWith(".") ? extension.substring(1) : extension;
            plain = plain.toLowerCase(Locale.ROOT);
            if (!readable.contains(plain)) {
                throw new IllegalArgumentException("javax.imageio has no reader for ." + plain + " files; it reads "
                        + readable);
            }
            if (!normalized.contains(plain)) {
                normalized.add(plain);
            }
        }
        return new ImageFolderOptions(height, width, channels, List.copyOf(normalized));
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    /** The extensions of image files, lower case, without the dot. */
    public List<String> extensions() {
        return extensions;
    }

    /** Whether {@code fileName} ends in one of the extensions, in any case. */
    boolean isImage(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(extension -> lower.endsWith("." + extension));
    }

    /** ".bmp, .gif, ...", for messages. */
    String describeExtensions() {
        return String.join(", ", extensions.stream().map(extension -> "." + extension).toList());
    }

    @Override
    public String toString() {
        return height + " x " + width + " x " + channels + " from " + describeExtensions() + " files";
    }
}
