package dev.lamina.runtime.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The merge layers' computations, Add, Multiply, Average and Concatenate, into the layer's own output
 * array and back into its inputs' gradients: no array is made per batch. The arrays may be the leading
 * rows of larger ones (the last, smaller batch); ND4J's in-place ops work on such views.
 */
public final class MergeKernel {
    private MergeKernel() {
    }

    /** {@code output = inputs[0] + inputs[1] + ...}, arrays of one shape. */
    public static void add(INDArray output, INDArray... inputs) {
        output.assign(inputs[0]);
        for (int i = 1; i < inputs.length; i++) {
            output.addi(inputs[i]);
        }
    }

    /**
     * {@code output = inputs[0] * inputs[1] * ...}, element-wise, arrays of one shape: Multiply's
     * forward, and its backward too, an input's gradient being the product's gradient times the other
     * inputs. {@code output} must not be one of {@code inputs} but the first.
     */
    public static void multiply(INDArray output, INDArray... inputs) {
        output.assign(inputs[0]);
        for (int i = 1; i < inputs.length; i++) {
            output.muli(inputs[i]);
        }
    }

    /** {@code output = (inputs[0] + inputs[1] + ...) / inputs.length}, element-wise, arrays of one shape. */
    public static void average(INDArray output, INDArray... inputs) {
        add(output, inputs);
        output.divi(inputs.length);
    }

    /** {@code output} = {@code inputs} side by side along {@code axis} (of the arrays, the batch being 0). */
    public static void concatenate(int axis, INDArray output, INDArray... inputs) {
        long offset = 0;
        for (INDArray input : inputs) {
            long width = input.size(axis);
            output.get(slice(output.rank(), axis, offset, width)).assign(input);
            offset += width;
        }
    }

    /**
     * The backward of {@link #concatenate}: each input's slice of {@code gradient}, the output's, into
     * its gradient, the inputs being {@code widths} wide along {@code axis}; a null gradient (an input
     * that needs none) is skipped.
     */
    public static void split(int axis, INDArray gradient, int[] widths, INDArray... inputGradients) {
        long offset = 0;
        for (int i = 0; i < widths.length; i++) {
            if (inputGradients[i] != null) {
                inputGradients[i].assign(gradient.get(slice(gradient.rank(), axis, offset, widths[i])));
            }
            offset += widths[i];
        }
    }

    private static INDArrayIndex[] slice(int rank, int axis, long offset, long width) {
        INDArrayIndex[] index = new INDArrayIndex[rank];
        for (int d = 0; d < rank; d++) {
            index[d] = d == axis ? NDArrayIndex.interval(offset, offset + width) : NDArrayIndex.all();
        }
        return index;
    }
}
