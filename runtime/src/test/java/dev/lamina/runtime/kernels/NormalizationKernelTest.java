package dev.lamina.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.data.Dataset;
import dev.lamina.runtime.data.FeatureRows;
import dev.lamina.runtime.data.MappedFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NormalizationKernel against numpy, in float and double:
 * <pre>
 * x = np.array([[1., -4., .5], [3., 2., .5], [8., 0., .5], [-2., 6., .5]])
 * m, v = x.mean(0), x.var(0)            # [2.5, 1, 0.5], [13.25, 13, 0]   (population variance)
 * (x - m) / np.maximum(np.sqrt(v), 1e-7)
 * img = np.arange(24.).reshape(2, 2, 2, 3) ** 1.5
 * img.reshape(-1, 3).mean(0), img.reshape(-1, 3).var(0)
 * </pre>
 */
class NormalizationKernelTest {
    private static final double[][] X = {{1, -4, 0.5}, {3, 2, 0.5}, {8, 0, 0.5}, {-2, 6, 0.5}};
    private static final double[][] STANDARDIZED = {
            {-0.41208169, -1.38675049, 0}, {0.13736056, 0.2773501, 0},
            {1.5109662, -0.2773501, 0}, {-1.23624508, 1.38675049, 0}};

    private static double tolerance(DataType type) {
        return type == DataType.DOUBLE ? 1e-8 : 1e-5;
    }

    private static INDArray statistics(DataType type, int n) {
        return Nd4j.zeros(type, n);
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void adaptMeasuresTheMeanAndPopulationVarianceOfEachFeature(DataType type) {
        INDArray x = Nd4j.createFromArray(X).castTo(type);
        INDArray mean = statistics(type, 3);
        INDArray variance = Nd4j.ones(type, 3);
        INDArray count = statistics(type, 1);
        assertFalse(NormalizationKernel.adapted(count), "a count of 0: not measured");
        NormalizationKernel.adapt(x, mean, variance, count);
        assertArrayEquals(new double[] {2.5, 1, 0.5}, mean.toDoubleVector(), tolerance(type));
        assertArrayEquals(new double[] {13.25, 13, 0}, variance.toDoubleVector(), tolerance(type),
                "divided by n, not n - 1, as Keras' adapt");
        assertEquals(4, count.getDouble(0));
        assertTrue(NormalizationKernel.adapted(count));
        assertEquals(type, mean.dataType());
    }

    /**
     * Measured a chunk of rows at a time (as on a file larger than the memory), the chunks' moments
     * merged: the statistics of the whole, whatever the chunks' sizes, for images whose features are
     * the last axis (several values of a feature per sample).
     */
    @Test
    void adaptingByChunksMergesToTheWholesStatistics() throws Exception {
        Nd4j.getRandom().setSeed(12);
        INDArray images = Nd4j.rand(DataType.DOUBLE, 23, 4, 3, 2).muli(10).addi(5);
        FeatureRows rows = Dataset.of("images", images.castTo(DataType.FLOAT), new int[23], 1)
                .featureRows(DataType.FLOAT);
        INDArray mean = statistics(DataType.DOUBLE, 2);
        INDArray variance = statistics(DataType.DOUBLE, 2);
        INDArray count = statistics(DataType.DOUBLE, 1);
        NormalizationKernel.adapt(images.castTo(DataType.FLOAT), mean, variance, count);
        for (long chunkValues : new long[] {1, 24, 25, 100, 1 << 20}) {
            INDArray chunkedMean = statistics(DataType.DOUBLE, 2);
            INDArray chunkedVariance = statistics(DataType.DOUBLE, 2);
            INDArray chunkedCount = statistics(DataType.DOUBLE, 1);
            NormalizationKernel.adapt(rows, chunkedMean, chunkedVariance, chunkedCount, chunkValues);
            assertArrayEquals(mean.toDoubleVector(), chunkedMean.toDoubleVector(), 1e-12, "chunks of " + chunkValues);
            assertArrayEquals(variance.toDoubleVector(), chunkedVariance.toDoubleVector(), 1e-10, "chunks of " + chunkValues);
            assertEquals(23, chunkedCount.getDouble(0));
        }
        assertEquals(images.reshape(23 * 12, 2).var(false, 0).getDouble(1), variance.getDouble(1), 1e-4);

        // The same rows from a .npy mapped 5 samples a mapping, read by copies rather than views.
        Path file = MappedFiles.write(dir.resolve("images.npy"), images.castTo(DataType.FLOAT));
        FeatureRows mapped = Dataset.of("mapped", MappedFiles.open(file, 5), new int[23], 1).featureRows(DataType.FLOAT);
        INDArray mappedMean = statistics(DataType.DOUBLE, 2);
        INDArray mappedVariance = statistics(DataType.DOUBLE, 2);
        NormalizationKernel.adapt(mapped, mappedMean, mappedVariance, statistics(DataType.DOUBLE, 1), 100);
        assertArrayEquals(mean.toDoubleVector(), mappedMean.toDoubleVector(), 1e-12);
        assertArrayEquals(variance.toDoubleVector(), mappedVariance.toDoubleVector(), 1e-10);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void forwardStandardizesAndDividesAFeatureOfNoVarianceBy1e7(DataType type) {
        INDArray x = Nd4j.createFromArray(X).castTo(type);
        INDArray mean = Nd4j.createFromArray(2.5, 1, 0.5).castTo(type);
        INDArray variance = Nd4j.createFromArray(13.25, 13, 0).castTo(type);
        INDArray out = Nd4j.zeros(type, 4, 3);
        NormalizationKernel.forward(x, mean, variance, out);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(STANDARDIZED[i], out.getRow(i).toDoubleVector(), tolerance(type), "row " + i);
        }
        // A new row: the constant feature's 0.25 off its mean is divided by 1e-7 (Keras' backend epsilon).
        INDArray row = Nd4j.createFromArray(new double[][] {{0, 1, 0.75}}).castTo(type);
        INDArray one = Nd4j.zeros(type, 1, 3);
        NormalizationKernel.forward(row, mean, variance, one);
        assertEquals(-0.68680282, one.getDouble(0, 0), tolerance(type));
        assertEquals(0, one.getDouble(0, 1), tolerance(type));
        assertEquals(2.5e6, one.getDouble(0, 2), type == DataType.DOUBLE ? 1e-3 : 1);
        assertEquals(1, x.getDouble(0, 0));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void anImageIsStandardizedPerChannelOverSamplesRowsAndColumns(DataType type) {
        double[] values = new double[24];
        for (int i = 0; i < 24; i++) {
            values[i] = Math.pow(i, 1.5);
        }
        INDArray image = Nd4j.create(values, new long[] {2, 2, 2, 3}, 'c').castTo(type);
        INDArray mean = statistics(type, 3);
        INDArray variance = Nd4j.ones(type, 3);
        INDArray count = statistics(type, 1);
        NormalizationKernel.adapt(image, mean, variance, count);
        double relative = type == DataType.DOUBLE ? 1e-10 : 1e-6;
        double[] numpyMean = {39.8948353, 44.50292863, 49.41773749};
        double[] numpyVariance = {1054.40211622, 1170.48934376, 1282.88722173};
        for (int c = 0; c < 3; c++) {
            assertEquals(numpyMean[c], mean.getDouble(c), Math.max(1e-7, numpyMean[c] * relative), "mean " + c);
            assertEquals(numpyVariance[c], variance.getDouble(c), Math.max(1e-6, numpyVariance[c] * relative), "var " + c);
        }
        assertEquals(2, count.getDouble(0), "the count is of samples, not of pixels");

        INDArray out = Nd4j.zeros(type, 2, 2, 2, 3);
        NormalizationKernel.forward(image, mean, variance, out);
        for (int s = 0; s < 2; s++) {
            for (int h = 0; h < 2; h++) {
                for (int w = 0; w < 2; w++) {
                    for (int c = 0; c < 3; c++) {
                        double expected = (image.getDouble(s, h, w, c) - numpyMean[c]) / Math.sqrt(numpyVariance[c]);
                        assertEquals(expected, out.getDouble(s, h, w, c), tolerance(type) * 10, s + "," + h + "," + w + "," + c);
                    }
                }
            }
        }
        // Each channel of the output has mean 0 and variance 1 over the 8 positions of the 2 samples.
        INDArray rows = out.castTo(DataType.DOUBLE).reshape(8, 3);
        assertArrayEquals(new double[3], rows.mean(0).toDoubleVector(), 1e-5);
        assertArrayEquals(new double[] {1, 1, 1}, rows.var(false, 0).toDoubleVector(), 1e-5);
    }
}
