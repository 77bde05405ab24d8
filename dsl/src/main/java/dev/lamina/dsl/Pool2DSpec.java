package dev.lamina.dsl;

import java.util.List;
import java.util.Optional;

/**
 * {@link MaxPool2D} and {@link AveragePool2D}: (height, width, channels) becomes (height', width',
 * channels) by Keras' output-size rule ({@link Window2D}). Empty strides mean the pool's size.
 */
public record Pool2DSpec(Pooling pooling, int[] pool, int[] strides, Padding padding) implements LayerSpec {

    public Pool2DSpec {
        pool = pool.clone();
        strides = strides.clone();
    }

    @Override
    public int[] pool() {
        return pool.clone();
    }

    @Override
    public int[] strides() {
        return strides.clone();
    }

    /** The strides in effect: the pool's size unless given. */
    private int[] effectiveStrides() {
        return strides.length == 0 ? pool : strides;
    }

    public Window2D window() {
        return Window2D.of(pool, effectiveStrides(), padding);
    }

    @Override
    public String kind() {
        return pooling.layerName();
    }

    @Override
    public List<Problem> settingProblems() {
        // Defaulted strides are the pool's size: a bad size is reported once, as a size.
        List<Problem> problems = Window2D.problems(kind(), "value", pool, "pool size", effectiveStrides());
        return strides.length == 0 ? problems.stream().filter(p -> !"strides".equals(p.attribute())).toList() : problems;
    }

    @Override
    public Optional<Problem> inputProblem(Shape input, String name) {
        return ImageInput.problem(input, kind(), name, window(), "pool window");
    }

    @Override
    public Optional<Shape> outputShape(Shape input) {
        if (inputProblem(input, "").isPresent()) {
            return Optional.empty();
        }
        int[] size = window().outputSize(input);
        return Optional.of(Shape.of(size[0], size[1], input.dim(2)));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.pool2D(this);
    }
}
