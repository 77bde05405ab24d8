package dev.lamina.runtime.kernels;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sums of a matrix's columns, as a layer's bias gradient is the column sum of its output's
 * gradient. ND4J's reduction along the rows is slow on the CPU, and a Java loop over the rows in
 * host memory takes a small part of its time (docs/performance.md). Arrays elsewhere (a GPU backend,
 * double precision) use ND4J's sum.
 */
final class ColumnSums {
    private ColumnSums() {
    }

    /** Writes the sums of the columns of {@code x} (rows, columns) into {@code sums} (columns). */
    static void of(INDArray x, INDArray sums) {
        if (!HostMemory.holdsFloats(x, sums)) {
            x.sum(sums, 0);
            return;
        }
        int rows = Math.toIntExact(x.size(0));
        int columns = Math.toIntExact(x.size(1));
        FloatBuffer values = HostMemory.bytes(x).asFloatBuffer();
        float[] row = new float[columns];
        float[] total = new float[columns];
        for (int r = 0; r < rows; r++) {
            values.get(r * columns, row);
            for (int c = 0; c < columns; c++) {
                total[c] += row[c];
            }
        }
        HostMemory.bytes(sums).asFloatBuffer().put(0, total);
    }
}
