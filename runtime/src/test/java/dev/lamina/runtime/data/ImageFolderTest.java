package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Folders of images written here with javax.imageio: every kind of file, resizing, channels, bad files. */
class ImageFolderTest {
    private static final int DIGITS = 2000;

    @TempDir
    Path dir;

    /** An image of {@code width x height} in one colour, written with javax.imageio. */
    private static BufferedImage solid(int type, int width, int height, int argb) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb);
            }
        }
        return image;
    }

    /**
     * A grey image of one level, set in the raster: {@code setRGB} on a grey image would convert the
     * colour from sRGB to Java's linear grey and store another level.
     */
    private static BufferedImage grey(int type, int width, int height, int level) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, level);
            }
        }
        return image;
    }

    private Path write(BufferedImage image, String format, String path) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(image, format, file.toFile()), "no " + format + " writer for " + image);
        return file;
    }

    /** The (height, width, channels) values of sample {@code i}. */
    private static float[] sample(Dataset data, int i) {
        return data.features().slice(i).dup().data().asFloat();
    }

    private static void assertAll(float expected, float[] values, float tolerance, String what) {
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected, values[i], tolerance, what + ", value " + i);
        }
    }

    private static void assertPixels(float[] rgb, float[] values, float tolerance, String what) {
        for (int i = 0; i < values.length; i++) {
            assertEquals(rgb[i % rgb.length], values[i], tolerance, what + ", value " + i);
        }
    }

    private static float luma(int red, int green, int blue) {
        return (float) ((0.299 * red + 0.587 * green + 0.114 * blue) / 255);
    }

    @Test
    void mnistDigitsWrittenAsPngFilesReadBackAsTheIdxPixels() throws IOException {
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
            write(digit, "png", labels[i] + "/" + String.format("%05d.png", i));
        }

        ImageFolderOptions options = ImageFolderOptions.size(28, 28).channels(1);
        Dataset folder = ImageFolder.read(dir, options);
        List<Path> files = ImageFolder.files(dir, options);

        assertEquals(DIGITS, folder.size());
        assertEquals(List.of(28, 28, 1), Arrays.stream(folder.sampleShape().dims()).boxed().toList());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), folder.classNames());
        int previous = -1;
        for (int i = 0; i < DIGITS; i++) {
            String name = files.get(i).getFileName().toString();
            int index = Integer.parseInt(name.substring(0, 5));
            assertEquals(labels[index], folder.labels()[i], name);
            assertArrayEquals(mnist.features().slice(index).dup().data().asFloat(), sample(folder, i), name);
            assertTrue(folder.labels()[i] > (previous >> 16) || index > (previous & 0xFFFF), "sorted order at " + name);
            previous = folder.labels()[i] << 16 | index;
        }
    }

    @Test
    void classesAreTheSortedFolderNamesAndFilesComeInSortedOrderWithNestedFoldersAndAnyCaseOfExtension()
            throws IOException {
        write(grey(BufferedImage.TYPE_BYTE_GRAY, 2, 2, 0x10), "png", "tulips/b.png");
        write(grey(BufferedImage.TYPE_BYTE_GRAY, 2, 2, 0x20), "png", "tulips/a.PNG");
        write(grey(BufferedImage.TYPE_BYTE_GRAY, 2, 2, 0x30), "png", "daisy/z/c.png");
        write(grey(BufferedImage.TYPE_BYTE_GRAY, 2, 2, 0x40), "png", "daisy/y.png");
        write(grey(BufferedImage.TYPE_BYTE_GRAY, 2, 2, 0x50), "png", "loose.png");
        Files.writeString(dir.resolve("daisy/notes.txt"), "not an image, not read");

        ImageFolderOptions options = ImageFolderOptions.size(2, 2).channels(1);
        Dataset data = ImageFolder.read(dir, options);

        assertEquals(List.of("daisy", "tulips"), data.classNames());
        assertArrayEquals(new int[] {0, 0, 1, 1}, data.labels());
        assertEquals(List.of(dir.resolve("daisy/y.png"), dir.resolve("daisy/z/c.png"), dir.resolve("tulips/a.PNG"),
                dir.resolve("tulips/b.png")), ImageFolder.files(dir, options));
        float[] levels = {0x40, 0x30, 0x20, 0x10};
        for (int i = 0; i < 4; i++) {
            assertAll(levels[i] / 255f, sample(data, i), 0, "sample " + i);
        }
    }

    @Test
    void everyKindOfFileLoadsWithItsColourWhateverItsSizeAndMode() throws IOException {
        int colour = 0xFFC86432; // (200, 100, 50)
        float[] rgb = {200 / 255f, 100 / 255f, 50 / 255f};
        IndexColorModel palette = new IndexColorModel(8, 3, new byte[] {0, (byte) 200, 7}, new byte[] {0, 100, 7},
                new byte[] {0, 50, 7});
        BufferedImage indexed = new BufferedImage(9, 4, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 9; x++) {
                indexed.getRaster().setSample(x, y, 0, 1);
            }
        }
        write(indexed, "png", "colour/1-palette.png");
        write(solid(BufferedImage.TYPE_INT_ARGB, 5, 7, 0x80C86432), "png", "colour/2-rgba.png");
        write(solid(BufferedImage.TYPE_INT_RGB, 16, 16, colour), "jpg", "colour/3-rgb.jpg");
        write(solid(BufferedImage.TYPE_3BYTE_BGR, 3, 3, colour), "bmp", "colour/4-rgb.bmp");
        write(solid(BufferedImage.TYPE_INT_RGB, 6, 2, colour), "gif", "colour/5-palette.gif");
        write(grey(BufferedImage.TYPE_USHORT_GRAY, 4, 5, 0x8000), "png", "grey/1-16bit.png");
        write(grey(BufferedImage.TYPE_BYTE_GRAY, 16, 8, 99), "jpg", "grey/2-grey.jpg");
        write(grey(BufferedImage.TYPE_BYTE_GRAY, 1, 1, 99), "png", "grey/3-grey.png");
        BufferedImage greyAlpha = ImageTypeSpecifier.createGrayscale(8, DataBuffer.TYPE_BYTE, false, false)
                .createBufferedImage(3, 2);
        BufferedImage deepColour = ImageTypeSpecifier.createInterleaved(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {0, 1, 2}, DataBuffer.TYPE_USHORT, false, false).createBufferedImage(2, 3);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                greyAlpha.getRaster().setPixel(x, y, new int[] {99, 40});
                deepColour.getRaster().setPixel(x, y, new int[] {51400, 25700, 12850});
            }
        }
        greyAlpha.getRaster().setPixel(2, 0, new int[] {99, 40});
        greyAlpha.getRaster().setPixel(2, 1, new int[] {99, 40});
        deepColour.getRaster().setPixel(0, 2, new int[] {51400, 25700, 12850});
        deepColour.getRaster().setPixel(1, 2, new int[] {51400, 25700, 12850});
        write(greyAlpha, "png", "grey/4-grey-alpha.png");
        write(deepColour, "png", "colour/6-rgb-16bit.png");

        Dataset coloured = ImageFolder.read(dir, ImageFolderOptions.size(3, 4));
        assertEquals(List.of(3, 4, 3), Arrays.stream(coloured.sampleShape().dims()).boxed().toList());
        String[] kinds = {"palette PNG", "RGBA PNG (alpha dropped)", "RGB JPEG", "BMP", "GIF", "16-bit RGB PNG"};
        for (int i = 0; i < kinds.length; i++) {
            assertPixels(rgb, sample(coloured, i), kinds[i].contains("JPEG") ? 3 / 255f : 1e-6f, kinds[i]);
        }
        assertAll(0x8000 / 65535f, sample(coloured, 6), 1e-6f, "16-bit grey PNG, as RGB: its value in every channel");
        assertAll(99 / 255f, sample(coloured, 7), 2 / 255f, "grey JPEG as RGB");
        assertAll(99 / 255f, sample(coloured, 8), 0, "grey PNG of 1 x 1, as RGB");
        assertAll(99 / 255f, sample(coloured, 9), 0, "grey PNG with alpha (dropped), as RGB");

        Dataset grey = ImageFolder.read(dir, ImageFolderOptions.size(2, 2).channels(1));
        for (int i = 0; i < kinds.length; i++) {
            assertAll(luma(200, 100, 50), sample(grey, i), kinds[i].contains("JPEG") ? 3 / 255f : 1e-6f, kinds[i]);
        }
        assertAll(0x8000 / 65535f, sample(grey, 6), 0, "16-bit grey PNG keeps its 16 bits");
        assertAll(99 / 255f, sample(grey, 8), 0, "grey PNG");
        assertAll(99 / 255f, sample(grey, 9), 0, "grey PNG with alpha");
    }

    @Test
    void twoByTwoColoursShrinkToTheMeanOfTheirLuma() throws IOException {
        int[][] colours = {{200, 10, 30}, {0, 128, 255}, {17, 34, 51}, {90, 90, 90}};
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        double mean = 0;
        for (int i = 0; i < 4; i++) {
            int[] c = colours[i];
            image.setRGB(i % 2, i / 2, c[0] << 16 | c[1] << 8 | c[2]);
            mean += (0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]) / 255 / 4;
        }
        write(image, "png", "only/square.png");

        float[] grey = sample(ImageFolder.read(dir, ImageFolderOptions.size(1, 1).channels(1)), 0);
        assertEquals(1, grey.length);
        assertEquals(mean, grey[0], 1e-6);
        float[] rgb = sample(ImageFolder.read(dir, ImageFolderOptions.size(1, 1)), 0);
        for (int channel = 0; channel < 3; channel++) {
            double expected = 0;
            for (int[] c : colours) {
                expected += c[channel] / 255.0 / 4;
            }
            assertEquals(expected, rgb[channel], 1e-6, "channel " + channel);
        }
    }

    @Test
    void aSolidColourKeepsItsColourWhenShrunkOrEnlarged() throws IOException {
        write(solid(BufferedImage.TYPE_INT_RGB, 7, 5, 0xFF11AA77), "png", "only/solid.png");
        float[] rgb = {0x11 / 255f, 0xAA / 255f, 0x77 / 255f};
        for (int[] size : new int[][] {{3, 4}, {5, 7}, {13, 31}, {1, 1}}) {
            float[] values = sample(ImageFolder.read(dir, ImageFolderOptions.size(size[0], size[1])), 0);
            assertEquals(size[0] * size[1] * 3, values.length);
            assertPixels(rgb, values, 1e-6f, Arrays.toString(size));
        }
    }

    @Test
    void bilinearResizeAlignsPixelCentresAsTensorFlowDoes() {
        ImagePixels row = new ImagePixels(1, 4, 1, new float[] {0, 0.2f, 0.6f, 1});
        assertArrayEquals(new float[] {0.1f, 0.8f}, row.resized(1, 2).values(), 1e-6f,
                "halving averages each pair: centres at 0.5 and 2.5");
        ImagePixels pair = new ImagePixels(1, 2, 1, new float[] {0, 1});
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, pair.resized(1, 4).values(), 1e-6f,
                "doubling: centres at -0.25 (the edge repeated), 0.25, 0.75, 1.25");
        ImagePixels column = new ImagePixels(2, 1, 1, new float[] {0, 1});
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, column.resized(4, 1).values(), 1e-6f, "along the height too");
    }

    private ImageFolderException unreadable(String kind) {
        ImageFolderException e = assertThrows(ImageFolderException.class,
                () -> ImageFolder.read(dir, ImageFolderOptions.size(4, 4)), kind);
        assertFalse(e.getMessage().contains("\tat "), "no stack trace in " + e.getMessage());
        return e;
    }

    private Path validPng(String path) throws IOException {
        return write(solid(BufferedImage.TYPE_INT_RGB, 20, 20, 0xFF336699), "png", path);
    }

    @Test
    void aFileOfRandomBytesNamedPngIsAnErrorNamingIt() throws IOException {
        validPng("cats/good.png");
        byte[] noise = new byte[500];
        new Random(3).nextBytes(noise);
        Path bad = dir.resolve("cats/noise.png");
        Files.write(bad, noise);

        ImageFolderException e = unreadable("random bytes");
        assertEquals(List.of(bad), e.paths());
        assertTrue(e.getMessage().startsWith(bad + ": not an image javax.imageio can read"), e.getMessage());
    }

    /** An image of random colours, which compresses badly: most of its file is pixel data. */
    private Path noisy(String format, String path) throws IOException {
        BufferedImage image = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return write(image, format, path);
    }

    @Test
    void aTruncatedPngIsAnErrorNamingIt() throws IOException {
        Path png = noisy("png", "cats/whole.png");
        byte[] bytes = Files.readAllBytes(png);
        Path bad = dir.resolve("cats/truncated.png");
        Files.write(bad, Arrays.copyOf(bytes, bytes.length / 2));

        ImageFolderException e = unreadable("truncated PNG");
        assertEquals(List.of(bad), e.paths());
        assertTrue(e.getMessage().startsWith(bad + ": the PNG decoder fails"), e.getMessage());
    }

    @Test
    void aTruncatedJpegIsAnErrorThoughTheDecoderOnlyWarns() throws IOException {
        Path jpeg = noisy("jpg", "cats/whole.jpg");
        byte[] bytes = Files.readAllBytes(jpeg);
        Path bad = dir.resolve("cats/truncated.jpg");
        Files.write(bad, Arrays.copyOf(bytes, bytes.length * 2 / 3));

        ImageFolderException e = unreadable("truncated JPEG");
        assertEquals(List.of(bad), e.paths());
        assertTrue(e.getMessage().startsWith(bad + ": the JPEG decoder warns"), e.getMessage());
        assertTrue(e.getMessage().contains("\"Truncated File - Missing EOI marker\""), e.getMessage());
    }

    @Test
    void aTextFileNamedJpgIsAnErrorNamingIt() throws IOException {
        validPng("dogs/good.png");
        Path bad = dir.resolve("dogs/readme.jpg");
        Files.writeString(bad, "This is not a photograph of a dog.\n");

        ImageFolderException e = unreadable("text named .jpg");
        assertEquals(List.of(bad), e.paths());
        assertTrue(e.getMessage().startsWith(bad + ": not an image"), e.getMessage());
    }

    @Test
    void everyBadFileIsListedAtOnce() throws IOException {
        validPng("cats/good.png");
        Files.writeString(dir.resolve("cats/a.png"), "text");
        Files.writeString(dir.resolve("loose.jpg"), "in no class folder: not read");
        validPng("dogs/good.png");
        Files.writeString(dir.resolve("dogs/c.gif"), "text");

        ImageFolderException e = unreadable("two bad files");
        assertEquals(List.of(dir.resolve("cats/a.png"), dir.resolve("dogs/c.gif")), e.paths());
        assertTrue(e.getMessage().startsWith(dir + ": 2 of the 4 images cannot be read"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  " + dir.resolve("cats/a.png") + ": not an image"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  " + dir.resolve("dogs/c.gif") + ": not an image"), e.getMessage());
    }

    @Test
    void anEmptyClassFolderIsAnErrorNamingIt() throws IOException {
        validPng("cats/good.png");
        Path empty = Files.createDirectories(dir.resolve("dogs"));
        Files.writeString(empty.resolve("notes.txt"), "no images here");

        ImageFolderException e = unreadable("empty class folder");
        assertEquals(List.of(empty), e.paths());
        assertTrue(e.getMessage().startsWith(empty + ": the class folder \"dogs\" holds no images"), e.getMessage());
    }

    @Test
    void aFolderWithoutClassFoldersIsAnError() throws IOException {
        validPng("loose.png");
        ImageFolderException e = unreadable("no class folders");
        assertEquals(List.of(dir), e.paths());
        assertTrue(e.getMessage().startsWith(dir + ": no class folders"), e.getMessage());
        assertTrue(e.getMessage().contains("loose.png"), e.getMessage());

        Path missing = dir.resolve("nowhere");
        ImageFolderException none = assertThrows(ImageFolderException.class,
                () -> ImageFolder.read(missing, ImageFolderOptions.size(4, 4)));
        assertEquals(missing + ": no such folder", none.getMessage());
    }

    @Test
    void optionsRefuseWhatCannotBeRead() {
        assertThrows(IllegalArgumentException.class, () -> ImageFolderOptions.size(0, 4));
        assertThrows(IllegalArgumentException.class, () -> ImageFolderOptions.size(4, 4).channels(4));
        IllegalArgumentException webp = assertThrows(IllegalArgumentException.class,
                () -> ImageFolderOptions.size(4, 4).extensions("png", "xyz"));
        assertTrue(webp.getMessage().contains(".xyz"), webp.getMessage());
        assertEquals(List.of("png", "jpg"), ImageFolderOptions.size(4, 4).extensions(".PNG", "jpg").extensions());
    }
}
