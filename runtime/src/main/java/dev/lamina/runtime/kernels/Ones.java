package dev.lamina.runtime.kernels;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Rows of ones, to write a column sum as a product: {@code ones · x} sums the rows of x. ND4J's own
 * sum along the rows of a tall array is slow on the CPU (5 ms for the 43,264 x 32 gradient of the
 * reference CNN's first layer) where the gemm takes 0.3 ms. One row per data type is kept and grown
 * to the longest asked for; shorter ones are views of it.
 */
final class Ones {
    private static final Map<DataType, INDArray> LONGEST = new ConcurrentHashMap<>();

    private Ones() {
    }

    /** A (1, length) row of ones. */
    static INDArray row(DataType dataType, long length) {
        INDArray longest = LONGEST.compute(dataType,
                (type, kept) -> kept != null && kept.length() >= length ? kept : Nd4j.ones(type, 1, length));
        return longest.length() == length ? longest
                : longest.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, length)).reshape(1, length);
    }

    /** Writes the sum of the rows of {@code x} (rows, columns) into {@code sums} (columns). */
    static void sumRows(INDArray x, INDArray sums) {
        Nd4j.gemm(row(x.dataType(), x.size(0)), x, sums.reshape(1, x.size(1)), false, false, 1.0, 0.0);
    }
}
