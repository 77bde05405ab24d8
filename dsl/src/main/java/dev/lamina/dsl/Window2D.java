package dev.lamina.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The geometry of a sliding window over channels-last images, shared by convolutions and pooling:
 * its size, its strides and its padding, with Keras' output-size rule.
 */
public record Window2D(int height, int width, int strideHeight, int strideWidth, Padding padding) {

    /**
     * A window from annotation values, where one number stands for both dimensions. Invalid values
     * are kept as they are, for {@link #problems} to report.
     */
    public static Window2D of(int[] size, int[] strides, Padding padding) {
        int[] s = pair(size);
        int[] t = pair(strides);
        return new Window2D(s[0], s[1], t[0], t[1], padding);
    }

    private static int[] pair(int[] values) {
        return values.length == 1 ? new int[] {values[0], values[0]} : values.length == 2 ? values : new int[] {0, 0};
    }

    /**
     * What is wrong with the annotation values themselves.
     *
     * @param sizeAttribute the attribute naming the size ("kernel", "value")
     */
    public static List<Problem> problems(String layer, String sizeAttribute, int[] size, String what,
                                         int[] strides) {
        List<Problem> problems = new ArrayList<>();
        if (size.length != 1 && size.length != 2) {
            problems.add(Problem.ofAttribute(sizeAttribute, layer + " needs the " + what + " as {height, width} or one number,"
                    + " such as {3, 3}, but has " + size.length + " values."));
        } else if (size[0] <= 0 || size[size.length - 1] <= 0) {
            problems.add(Problem.ofAttribute(sizeAttribute, layer + " needs a positive " + what + " but has "
                    + Shape.format(size) + "."));
        }
        if (strides.length != 1 && strides.length != 2) {
            problems.add(Problem.ofAttribute("strides", layer + " needs strides as {vertical, horizontal} or one number,"
                    + " such as {2, 2}, but has " + strides.length + " values."));
        } else if (strides[0] <= 0 || strides[strides.length - 1] <= 0) {
            problems.add(Problem.ofAttribute("strides", layer + " needs positive strides but has " + Shape.format(strides) + "."));
        }
        return problems;
    }

    /** The output length along one axis of {@code input} cells: Keras' conv_output_length. */
    public long outputLength(long input, int window, int stride) {
        return padding == Padding.SAME
                ? (input + stride - 1) / stride
                : input < window ? 0 : (input - window) / stride + 1;
    }

    /**
     * The zero cells padded before the input along one axis: with SAME padding, half the padding
     * the output needs, rounded down, the other half (and the odd cell) after, as TensorFlow does.
     */
    public long paddingBefore(long input, int window, int stride) {
        long needed = (outputLength(input, window, stride) - 1) * stride + window - input;
        return padding == Padding.SAME ? Math.max(needed, 0) / 2 : 0;
    }

    /**
     * The problem with sliding this window over an input of (height, width, ...), if any: the
     * window may not be larger than the input unless padding makes room.
     *
     * @param kind the layer's kind ("Conv2D"): the message's prefix names the layer itself
     */
    public Optional<String> fitProblem(Shape input, String kind, String what) {
        if (padding == Padding.VALID && (height > input.dim(0) || width > input.dim(1))) {
            return Optional.of(kind + "'s " + what + " " + height + "x" + width + " is larger than its input's "
                    + input.dim(0) + "x" + input.dim(1) + " " + input + " with " + Problem.setting("padding", padding)
                    + ". Use a smaller " + what + ", " + Problem.setting("padding", Padding.SAME)
                    + ", or fewer layers that shrink the image before it.");
        }
        return Optional.empty();
    }

    /** The output height and width for an input of (height, width, ...). */
    public int[] outputSize(Shape input) {
        return new int[] {
                Math.toIntExact(outputLength(input.dim(0), height, strideHeight)),
                Math.toIntExact(outputLength(input.dim(1), width, strideWidth))};
    }

    /** As users write it: 3x3, and the strides when they are not 1. */
    @Override
    public String toString() {
        return height + "x" + width + (strideHeight == 1 && strideWidth == 1 ? "" : ", strides " + strideHeight + "x" + strideWidth)
                + (padding == Padding.SAME ? ", same" : "");
    }
}
