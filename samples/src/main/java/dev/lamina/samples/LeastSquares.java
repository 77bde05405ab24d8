package dev.lamina.samples;

import dev.lamina.runtime.data.Dataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;

/**
 * An ordinary least-squares linear fit with an intercept, the baseline a regression network must beat:
 * scikit-learn's {@code LinearRegression}. Solved from the normal equations in double precision, ample
 * for a table of a few features.
 *
 * @param weights the intercept, then one weight per feature, (features + 1, targets)
 */
record LeastSquares(INDArray weights) {

    /** The fit minimising the squared error on {@code train}'s targets. */
    static LeastSquares fit(Dataset train) {
        INDArray x = withIntercept(train);
        INDArray y = train.targets().castTo(DataType.DOUBLE);
        INDArray gram = x.transpose().mmul(x);
        return new LeastSquares(InvertMatrix.invert(gram, false).mmul(x.transpose()).mmul(y));
    }

    /** The mean absolute error of the fit's predictions for {@code test}, over every target. */
    double meanAbsoluteError(Dataset test) {
        INDArray predicted = withIntercept(test).mmul(weights);
        return predicted.sub(test.targets().castTo(DataType.DOUBLE)).norm1Number().doubleValue() / predicted.length();
    }

    /** The features as (samples, features + 1) doubles, a column of ones first. */
    private static INDArray withIntercept(Dataset data) {
        INDArray features = data.features().castTo(DataType.DOUBLE).reshape('c', data.size(), -1);
        return Nd4j.hstack(Nd4j.ones(DataType.DOUBLE, data.size(), 1), features);
    }
}
