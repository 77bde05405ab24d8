package dev.lamina.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Conv2D}: (height, width, channels) becomes (height', width', filters) by Keras' output-size
 * rule ({@link Window2D}); kernel (kernel height, kernel width, channels, filters), with an L2 penalty
 * of factor {@code kernelL2} if positive, and bias (filters).
 */
public record Conv2DSpec(int filters, int[] kernel, int[] strides, Padding padding, Activation activation,
                         boolean useBias, double kernelL2) implements LayerSpec {

    public Conv2DSpec {
        kernel = kernel.clone();
        strides = strides.clone();
    }

    /** A Conv2D whose kernel is not regularized. */
    public Conv2DSpec(int filters, int[] kernel, int[] strides, Padding padding, Activation activation, boolean useBias) {
        this(filters, kernel, strides, padding, activation, useBias, 0);
    }

    @Override
    public int[] kernel() {
        return kernel.clone();
    }

    @Override
    public int[] strides() {
        return strides.clone();
    }

    /** The sliding window: kernel size, strides and padding. */
    public Window2D window() {
        return Window2D.of(kernel, strides, padding);
    }

    @Override
    public String kind() {
        return "Conv2D";
    }

    @Override
    public List<Problem> settingProblems() {
        List<Problem> problems = new ArrayList<>();
        if (filters <= 0) {
            problems.add(Problem.ofAttribute("filters", "Conv2D needs a positive number of filters but has filters = "
                    + filters + "."));
        }
        problems.addAll(Window2D.problems("Conv2D", "kernel", kernel, "kernel size", strides));
        KernelL2.problem(kind(), kernelL2).ifPresent(problems::add);
        return problems;
    }

    @Override
    public Optional<Problem> inputProblem(Shape input, String name) {
        return ImageInput.problem(input, kind(), name, window(), "kernel");
    }

    @Override
    public Optional<Shape> outputShape(Shape input) {
        if (inputProblem(input, "").isPresent()) {
            return Optional.empty();
        }
        int[] size = window().outputSize(input);
        return Optional.of(Shape.of(size[0], size[1], filters));
    }

    /**
     * kernel (kernel height, kernel width, in, filters), Glorot-uniform, L2-regularized by kernelL2; bias
     * (filters), zeros, if used.
     */
    @Override
    public List<ParameterSpec> parameters(Shape input) {
        Window2D window = window();
        ParameterSpec kernel = ParameterSpec.trainable("kernel", Initializer.GLOROT_UNIFORM, window.height(),
                window.width(), input.dim(2), filters).withL2(kernelL2);
        return useBias ? List.of(kernel, ParameterSpec.trainable("bias", Initializer.ZEROS, filters)) : List.of(kernel);
    }

    /** The output and the bias grow with the filters; the kernel too, unless one filter's kernel is already too large. */
    @Override
    public Problem sizeFix(String array, Shape input) {
        Window2D window = window();
        if (array.equals("kernel") && !Shape.of(window.height(), window.width(), input.dim(2)).fitsInArray()) {
            return Problem.ofAttribute("kernel", "Use a smaller kernel.");
        }
        return Problem.ofAttribute("filters", "Use fewer filters.");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.conv2D(this);
    }
}
