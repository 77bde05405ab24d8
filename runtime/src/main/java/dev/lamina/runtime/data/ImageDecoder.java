package dev.lamina.runtime.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image file through javax.imageio (PNG, JPEG, BMP, GIF, and any format a plugin on the
 * class path adds) into {@link ImagePixels} in [0, 1], grey or RGB as the file is, with the values
 * the file holds, as PIL and TensorFlow read them:
 * <ul>
 * <li>grey levels (8 or 16 bits) and RGB samples are divided by their largest value (255 or 65535),
 *     not sent through Java's colour conversion, which treats grey as linear light and would
 *     brighten it, nor through an embedded ICC profile, which PIL and TensorFlow ignore;
 * <li>a palette image (indexed PNG, GIF, 8-bit BMP, 1-, 2- or 4-bit grey PNG) takes its palette's colours;
 * <li>alpha is dropped, not composed onto a background, as Keras and PIL's {@code convert("RGB")} do;
 * <li>an animated GIF gives its first frame, as Keras does;
 * <li>any other colour model (packed 16-bit BMP, ...) goes through Java's conversion to 8-bit sRGB.
 * </ul>
 * A file that does not decode, or that decodes only with the decoder's warnings (a truncated JPEG
 * is filled in grey with a mere warning), is an {@link ImageFolderException} naming the file: a
 * half-decoded image is never passed on as if it were the file.
 */
final class ImageDecoder {
    private ImageDecoder() {
    }

    static ImagePixels decode(Path file) throws ImageFolderException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageFolderException(file, "javax.imageio cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageFolderException(file, "not an image javax.imageio can read: its first bytes are not"
                        + " those of any of the formats it knows (" + String.join(", ", formats()) + ")");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toUpperCase(Locale.ROOT);
            List<String> warnings = new ArrayList<>();
            try {
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                reader.setInput(in, true, false);
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new ImageFolderException(file, "the " + format + " decoder warns "
                            + String.join("; ", warnings.stream().map(w -> "\"" + w + "\"").toList())
                            + ": the file is damaged, and its image may be partly made up");
                }
                return pixels(image);
            } catch (IOException | RuntimeException e) {
                if (e instanceof ImageFolderException known) {
                    throw known;
                }
                throw new ImageFolderException(file, "the " + format + " decoder fails: "
                        + describe(e) + " (the file is damaged or not really " + format + ")");
            } finally {
                reader.dispose();
            }
        } catch (ImageFolderException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageFolderException(file, "cannot be read: " + describe(e));
        }
    }

    /** The file's pixels, grey or RGB as it is, in [0, 1]. */
    static ImagePixels pixels(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        int height = image.getHeight();
        int width = image.getWidth();
        int colours = model.getNumColorComponents();
        int type = model.getColorSpace().getType();
        boolean integral = raster.getTransferType() == DataBuffer.TYPE_BYTE
                || raster.getTransferType() == DataBuffer.TYPE_USHORT;
        if (model instanceof ComponentColorModel && integral
                && (type == ColorSpace.TYPE_GRAY && colours == 1 || type == ColorSpace.TYPE_RGB && colours == 3)) {
            return samples(raster, colours, height, width, model);
        }
        if (model instanceof IndexColorModel palette) {
            return paletteColours(raster, palette, height, width);
        }
        return sRgb(image, height, width);
    }

    /** The stored samples of the colour bands (alpha, the last band, left out), each over its largest value. */
    private static ImagePixels samples(Raster raster, int colours, int height, int width, ColorModel model) {
        int bands = raster.getNumBands();
        float[] all = raster.getPixels(0, 0, width, height, (float[]) null);
        float[] values = new float[height * width * colours];
        for (int c = 0; c < colours; c++) {
            float largest = (float) ((1L << model.getComponentSize(c)) - 1);
            for (int p = 0, n = height * width; p < n; p++) {
                values[p * colours + c] = all[p * bands + c] / largest;
            }
        }
        return new ImagePixels(height, width, colours, values);
    }

    private static ImagePixels paletteColours(Raster raster, IndexColorModel palette, int height, int width) {
        int[] indices = raster.getSamples(0, 0, width, height, 0, (int[]) null);
        float[] values = new float[height * width * 3];
        for (int p = 0; p < indices.length; p++) {
            values[3 * p] = palette.getRed(indices[p]) / 255f;
            values[3 * p + 1] = palette.getGreen(indices[p]) / 255f;
            values[3 * p + 2] = palette.getBlue(indices[p]) / 255f;
        }
        return new ImagePixels(height, width, 3, values);
    }

    private static ImagePixels sRgb(BufferedImage image, int height, int width) {
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] values = new float[height * width * 3];
        for (int p = 0; p < argb.length; p++) {
            values[3 * p] = ((argb[p] >> 16) & 0xFF) / 255f;
            values[3 * p + 1] = ((argb[p] >> 8) & 0xFF) / 255f;
            values[3 * p + 2] = (argb[p] & 0xFF) / 255f;
        }
        return new ImagePixels(height, width, 3, values);
    }

    /** The messages of an exception and its causes, without repeats: what the decoder says is wrong. */
    private static String describe(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null && messages.size() < 4; t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof EOFException && message == null) {
                message = "the file ends early";
            }
            messages.add(message != null ? message : t.getClass().getSimpleName());
        }
        return String.join(": ", messages);
    }

    /** The formats javax.imageio reads, lower case. */
    private static List<String> formats() {
        Set<String> names = new TreeSet<>();
        for (String suffix : ImageIO.getReaderFileSuffixes()) {
            names.add(suffix.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }
}
