package dev.lamina.runtime.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One-hot encoding of class labels. */
public final class OneHot {
    private OneHot() {
    }

    /** Rows of {@code classes} zeros with a one at each label. */
    public static INDArray encode(int[] labels, int classes, DataType dataType) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            values[i * classes + labels[i]] = 1f;
        }
        INDArray oneHot = Nd4j.create(values, new long[] {labels.length, classes}, 'c');
        return oneHot.dataType() == dataType ? oneHot : oneHot.castTo(dataType);
    }
}
