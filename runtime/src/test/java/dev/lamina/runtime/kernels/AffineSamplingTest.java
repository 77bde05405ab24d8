package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.dsl.FillMode;
import dev.lamina.dsl.Interpolation;
import dev.lamina.runtime.data.NpzFile;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * RandomRotation's and RandomZoom's kernels against SciPy's {@code map_coordinates} at the points
 * Keras' rotation and zoom matrices read, in every fill mode and interpolation: {@code affine.npz},
 * written by {@code src/test/resources/augmentation/make_fixtures.py}.
 */
class AffineSamplingTest {
    private static NpzFile fixtures;

    @BeforeAll
    static void open() throws Exception {
        fixtures = NpzFile.open(Path.of(AffineSamplingTest.class.getResource("/augmentation/affine.npz").toURI()));
    }

    @AfterAll
    static void close() throws Exception {
        fixtures.close();
    }

    private static String name(String kind, FillMode fill, Interpolation interpolation) {
        return kind + "_" + fill.name().toLowerCase(Locale.ROOT) + "_" + interpolation.name().toLowerCase(Locale.ROOT);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.dup('c').data().asDouble(), actual.dup('c').data().asDouble(), 1e-12, what);
    }

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void rotatesAsSciPyReadsTheRotatedPoints(FillMode fill) throws Exception {
        INDArray images = fixtures.array("images");
        for (Interpolation interpolation : Interpolation.values()) {
            INDArray y = images.ulike();
            RandomRotationKernel.forward(images, fixtures.array("angles"), fill, interpolation, y);
            String name = name("rotation", fill, interpolation);
            assertClose(fixtures.array(name), y, name);
        }
    }

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void zoomsAsSciPyReadsTheZoomedPoints(FillMode fill) throws Exception {
        INDArray images = fixtures.array("images");
        for (Interpolation interpolation : Interpolation.values()) {
            INDArray y = images.ulike();
            RandomZoomKernel.forward(images, fixtures.array("zooms"), fill, interpolation, y);
            String name = name("zoom", fill, interpolation);
            assertClose(fixtures.array(name), y, name);
        }
    }

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void floatImagesComputeAlikeWithinFloatPrecision(FillMode fill) throws Exception {
        INDArray images = fixtures.array("images").castTo(DataType.FLOAT);
        INDArray y = images.ulike();
        RandomRotationKernel.forward(images, fixtures.array("angles").castTo(DataType.FLOAT), fill,
                Interpolation.BILINEAR, y);
        assertTrue(y.dataType() == DataType.FLOAT);
        INDArray expected = fixtures.array(name("rotation", fill, Interpolation.BILINEAR));
        assertArrayEquals(expected.dup('c').data().asDouble(), y.dup('c').data().asDouble(), 1e-5);
    }
}
